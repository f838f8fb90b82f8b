#include "app/window/slider_keys.h"

#include <QAbstractSlider>
#include <QKeyEvent>

namespace finwave::app {

namespace {
class KeepSliderKeys : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        // Qt asks the focused widget first (ShortcutOverride); accepting it delivers the key to
        // the slider instead of firing the shortcut.
        if (event->type() == QEvent::ShortcutOverride) {
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
                switch (key->key()) {
                case Qt::Key_Left: case Qt::Key_Right: case Qt::Key_Up: case Qt::Key_Down:
                case Qt::Key_PageUp: case Qt::Key_PageDown: case Qt::Key_Home: case Qt::Key_End:
                    event->accept();
                    return true;
                default: break;
                }
            }
        }
        return QObject::eventFilter(watched, event);
    }
};
}  // namespace

void reachableByKeyboard(QAbstractSlider* slider) {
    slider->setFocusPolicy(Qt::TabFocus);
    slider->installEventFilter(new KeepSliderKeys(slider));
}

}  // namespace finwave::app
