<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Caption</name>
    <message>
        <source>Finished: %1</source>
        <translation>已结束：%1</translation>
    </message>
    <message>
        <source>%1 steps, %2 s.</source>
        <translation>共 %1 步，%2 秒。</translation>
    </message>
    <message>
        <source>A captured connection, replayed step by step.</source>
        <translation>一条抓包得到的连接，逐步重放。</translation>
    </message>
    <message>
        <source>%1 in %2: %3 (%4)</source>
        <translation>%1 在 %2 中：%3（%4）</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>第 %1 步 · %2</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>the capture starts mid-connection: ESTABLISHED assumed</source>
        <translation>抓包从连接中途开始:假定为 ESTABLISHED</translation>
    </message>
    <message>
        <source>the server was listening before its SYN arrived</source>
        <translation>SYN 到达之前服务器已在监听</translation>
    </message>
    <message>
        <source>the capture was taken at the other end: time estimated</source>
        <translation>抓包点在另一端:时间为估计值</translation>
    </message>
    <message>
        <source>a segment that must have been sent was not captured</source>
        <translation>一个必定已发送的报文段没有被抓到</translation>
    </message>
    <message>
        <source>sent more than once: which copy arrived is inferred</source>
        <translation>发送了不止一次:到达的是哪一份为推断</translation>
    </message>
    <message>
        <source>nothing shows it arrived: taken as lost</source>
        <translation>没有迹象表明它已到达:视为丢失</translation>
    </message>
    <message>
        <source>its timer ran out after the capture ended</source>
        <translation>它的计时器在抓包结束之后才到期</translation>
    </message>
    <message>
        <source>it answered with RST: it had already closed by timeout</source>
        <translation>它以 RST 回应:此前已因超时关闭</translation>
    </message>
    <message>
        <source>FIN resent with no answer: retries exhausted assumed</source>
        <translation>FIN 重传均无回应:假定重试次数耗尽</translation>
    </message>
    <message>
        <source>abort or unread data: the RST alone does not say which</source>
        <translation>中止还是有未读数据:仅凭 RST 无法判断</translation>
    </message>
    <message>
        <source>the state lasted under a millisecond</source>
        <translation>该状态持续不到一毫秒</translation>
    </message>
    <message>
        <source>Complete four-way close</source>
        <translation>完整的四次挥手关闭</translation>
    </message>
    <message>
        <source>Three-segment close (FIN+ACK)</source>
        <translation>三段式关闭(FIN+ACK)</translation>
    </message>
    <message>
        <source>Simultaneous close</source>
        <translation>同时关闭</translation>
    </message>
    <message>
        <source>Connection still open at the end of the capture (A %1, B %2)</source>
        <translation>抓包结束时连接仍未关闭(A 为 %1,B 为 %2)</translation>
    </message>
    <message>
        <source>Abortive close by RST from A, with no data or FIN before it</source>
        <translation>A 发送 RST 异常关闭,此前没有数据或 FIN</translation>
    </message>
    <message>
        <source>Abortive close by RST from B, with no data or FIN before it</source>
        <translation>B 发送 RST 异常关闭,此前没有数据或 FIN</translation>
    </message>
    <message>
        <source>Abortive close by RST from A after data, before any FIN</source>
        <translation>A 在数据之后、任何 FIN 之前发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from B after data, before any FIN</source>
        <translation>B 在数据之后、任何 FIN 之前发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from A after its own FIN</source>
        <translation>A 在自己的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from B after its own FIN</source>
        <translation>B 在自己的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from A after B&apos;s FIN</source>
        <translation>A 在 B 的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from B after A&apos;s FIN</source>
        <translation>B 在 A 的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from A after both FINs</source>
        <translation>A 在双方的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>Abortive close by RST from B after both FINs</source>
        <translation>B 在双方的 FIN 之后发送 RST 异常关闭</translation>
    </message>
    <message>
        <source>; half-close with data after the first FIN</source>
        <translation>;半关闭,第一个 FIN 之后仍有数据</translation>
    </message>
    <message>
        <source>; retransmitted FIN</source>
        <translation>;FIN 被重传</translation>
    </message>
    <message>
        <source>; final ACK not seen</source>
        <translation>;未见最后的 ACK</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Which TCP connection?</source>
        <translation>哪一个 TCP 连接?</translation>
    </message>
    <message>
        <source>%1: there is no connection %2</source>
        <translation>%1:没有第 %2 个连接</translation>
    </message>
    <message>
        <source>Captures (*.pcapng *.pcap *.cap);;All files (*)</source>
        <translation>抓包文件 (*.pcapng *.pcap *.cap);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>导出抓包文件</translation>
    </message>
    <message>
        <source>This run is a capture already; export a simulated run.</source>
        <translation>此运行本身就是抓包;请导出模拟的运行。</translation>
    </message>
    <message>
        <source>pcapng with comments (*.pcapng);;Classic pcap (*.pcap)</source>
        <translation>带注释的 pcapng (*.pcapng);;经典 pcap (*.pcap)</translation>
    </message>
    <message>
        <source>At A (what A sent and what reached A)</source>
        <translation>在 A 处(A 发出的和到达 A 的)</translation>
    </message>
    <message>
        <source>At B (what B sent and what reached B)</source>
        <translation>在 B 处(B 发出的和到达 B 的)</translation>
    </message>
    <message>
        <source>Capture taken at:</source>
        <translation>抓包位置:</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 ↔ %3, %n packet(s)</source>
        <translation>
            <numerusform>%1：%2 ↔ %3，%n 个报文</numerusform>
        </translation>
    </message>
    <message>
        <source>; final ACK lost</source>
        <translation>;最后的 ACK 丢失</translation>
    </message>
    <message>
        <source>%1 · connection %2</source>
        <translation>%1 · 第 %2 个连接</translation>
    </message>
    <message>
        <source>Reconstructing the states of %1…</source>
        <translation>正在重建 %1 的状态…</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1: time until both ends are CLOSED, by loss</source>
        <translation>%1：两端都进入 CLOSED 所需的时间，随丢包率变化</translation>
    </message>
    <message>
        <source>median close time (s)</source>
        <translation>关闭时间中位数（秒）</translation>
    </message>
    <message>
        <source>95th percentile (s)</source>
        <translation>第 95 百分位（秒）</translation>
    </message>
    <message>
        <source>graceful close (%)</source>
        <translation>正常关闭（%）</translation>
    </message>
    <message>
        <source>ended by RST (%)</source>
        <translation>以 RST 结束（%）</translation>
    </message>
    <message>
        <source>gave up (%)</source>
        <translation>放弃（%）</translation>
    </message>
    <message>
        <source>loss in each direction (%)</source>
        <translation>每个方向的丢包率（%）</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Sockets in TIME_WAIT on a server closing %1 connections/s</source>
        <translation>每秒主动关闭 %1 个连接的服务器上处于 TIME_WAIT 的套接字</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>sockets in TIME_WAIT</source>
        <translation>TIME_WAIT 中的套接字数</translation>
    </message>
    <message>
        <source>%1: R × T = %2</source>
        <translation>%1：R × T = %2</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>%1: unknown extension (png, svg)</source>
        <translation>%1：未知的扩展名（png、svg）</translation>
    </message>
    <message>
        <source>mean retransmissions (count)</source>
        <translation>平均重传次数（次）</translation>
    </message>
    <message>
        <source>retransmissions</source>
        <translation>重传次数</translation>
    </message>
    <message>
        <source>share of runs (%)</source>
        <translation>运行占比（%）</translation>
    </message>
</context>
<context>
    <name>ClassResults</name>
    <message>
        <source>Class results</source>
        <translation>全班成绩</translation>
    </message>
    <message>
        <source>No attempt could be read.</source>
        <translation>没有可读取的作答记录。</translation>
    </message>
    <message>
        <source>%1 attempts · mean %2 points</source>
        <translation>%1 份作答 · 平均 %2 分</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>答对</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>答错</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>作答记录</translation>
    </message>
    <message>
        <source>%1: %2 wrong</source>
        <translation>%1：%2 人答错</translation>
    </message>
    <message>
        <source>Every question was answered right.</source>
        <translation>每道题都答对了。</translation>
    </message>
    <message>
        <source>Most often wrong: %1</source>
        <translation>最常答错：%1</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
    <message>
        <source>FinWave quiz attempts (*.json);;All files (*)</source>
        <translation>FinWave 测验作答 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Departure</name>
    <message>
        <source>%1&apos;s %2</source>
        <translation>%1 的 %2</translation>
    </message>
    <message>
        <source>its fault took %1, written to take %2</source>
        <translation>它的故障丢弃了 %1，原本应丢弃 %2</translation>
    </message>
    <message>
        <source>its fault (%1) never came</source>
        <translation>它的故障（%1）没有发生</translation>
    </message>
    <message>
        <source>it ends %1, this run %2</source>
        <translation>它的结局是%1，这次运行是%2</translation>
    </message>
    <message>
        <source> · your changes left the scenario&apos;s story: %1</source>
        <translation> · 你的改动偏离了场景要展示的过程：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>%1: the PNG could not be encoded</source>
        <translation>%1：无法编码 PNG</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: writing failed (%2)</source>
        <translation>%1：写入失败（%2）</translation>
    </message>
    <message>
        <source>%1: a PNG of %2 × %3 pixels is too large (the limit is %4 pixels); fit it to a slide or choose a smaller scale</source>
        <translation>%1：%2 × %3 像素的 PNG 太大（上限为 %4 像素）；请适配到幻灯片或选择更小的缩放</translation>
    </message>
    <message>
        <source>writing failed: %1</source>
        <translation>写入失败：%1</translation>
    </message>
    <message>
        <source>the run has %1 segments; a diagram is drawn of at most %2 (export the run up to an earlier step, or its trace)</source>
        <translation>该运行有 %1 个报文段；图最多绘制 %2 个（请导出到较早某一步为止的运行，或导出其跟踪记录）</translation>
    </message>
    <message>
        <source>the GIF could not be encoded (%1)</source>
        <translation>无法编码 GIF（%1）</translation>
    </message>
    <message>
        <source>an MP4 is made by the ffmpeg program, which is not installed (install it with: sudo apt install ffmpeg)</source>
        <translation>MP4 由 ffmpeg 程序生成，但它未安装（安装命令：sudo apt install ffmpeg）</translation>
    </message>
    <message>
        <source>no temporary folder for ffmpeg (%1)</source>
        <translation>无法为 ffmpeg 创建临时文件夹（%1）</translation>
    </message>
    <message>
        <source>ffmpeg did not start (%1)</source>
        <translation>ffmpeg 未能启动（%1）</translation>
    </message>
    <message>
        <source>ffmpeg stopped: %1</source>
        <translation>ffmpeg 已停止：%1</translation>
    </message>
    <message>
        <source>ffmpeg stopped taking frames (%1)</source>
        <translation>ffmpeg 不再接收帧（%1）</translation>
    </message>
    <message>
        <source>ffmpeg failed: %1</source>
        <translation>ffmpeg 失败：%1</translation>
    </message>
    <message>
        <source>ffmpeg wrote no file (%1)</source>
        <translation>ffmpeg 没有写出文件（%1）</translation>
    </message>
    <message>
        <source>ffmpeg wrote an incomplete MP4 (%1)</source>
        <translation>ffmpeg 写出的 MP4 不完整（%1）</translation>
    </message>
    <message>
        <source>is the disk full?</source>
        <translation>磁盘满了吗？</translation>
    </message>
    <message>
        <source>the animation would have %1 frames; the limit is %2 (choose fewer steps, a higher speed or fewer frames a second)</source>
        <translation>该动画将有 %1 帧，上限为 %2（请减少步骤、提高速度或降低每秒帧数）</translation>
    </message>
    <message>
        <source>the GIF would last %1 s, longer than %2 s; write an MP4 instead (much smaller), choose fewer steps or a higher speed, or allow a long GIF</source>
        <translation>该 GIF 将持续 %1 秒，超过 %2 秒；请改为导出 MP4（小得多）、减少步骤或提高速度，或允许长 GIF</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 · profile %2 · delay %3/%4 ms · loss %5/%6 % · seed %7 · step %8</source>
        <translation>%1 · 配置 %2 · 时延 %3/%4 毫秒 · 丢包 %5/%6 % · 种子 %7 · 第 %8 步</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Drawing %1…</source>
        <translation>正在绘制 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copy as image</source>
        <translation>复制为图片</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>%1 · page %2 of %3</source>
        <translation>%1 · 第 %2 页，共 %3 页</translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>client TIME_WAIT</source>
        <translation>客户端 TIME_WAIT</translation>
    </message>
    <message>
        <source>server TIME_WAIT</source>
        <translation>服务器 TIME_WAIT</translation>
    </message>
    <message>
        <source>client ports in use</source>
        <translation>客户端占用的端口</translation>
    </message>
    <message>
        <source>connected/s</source>
        <translation>每秒建立的连接</translation>
    </message>
    <message>
        <source>EADDRNOTAVAIL/s</source>
        <translation>每秒 EADDRNOTAVAIL</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>模拟时间（秒）</translation>
    </message>
    <message>
        <source>sockets, ports</source>
        <translation>套接字、端口</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>refused/s</source>
        <translation>每秒被拒绝</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <source>%1 sends %2</source>
        <translation>%1 发送 %2</translation>
    </message>
    <message>
        <source>%1 receives %2</source>
        <translation>%1 收到 %2</translation>
    </message>
    <message>
        <source>%1 is lost on the way %2</source>
        <translation>%1 在 %2 途中丢失</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 starts its %2 timer (fires at %3)</source>
        <translation>%1 启动 %2 定时器（%3 到期）</translation>
    </message>
    <message>
        <source>%1 stops its %2 timer</source>
        <translation>%1 停止 %2 定时器</translation>
    </message>
    <message>
        <source>%1: the %2 timer expires</source>
        <translation>%1：%2 定时器到期</translation>
    </message>
    <message>
        <source>%1&apos;s application: %2</source>
        <translation>%1 的应用：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s application sends %n byte(s)</source>
        <comment>SEND call</comment>
        <translation>
            <numerusform>%1 的应用发送 %n 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 gives up after %n retransmission(s)</source>
        <comment>giving up</comment>
        <translation>
            <numerusform>%1 在重传 %n 次之后放弃</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes thrown away</source>
        <translation>丢弃了 %1 字节</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>closed gracefully</source>
        <translation>正常关闭</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>被复位</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>stuck: nothing more happens</source>
        <translation>停滞：不会再发生任何事</translation>
    </message>
</context>
<context>
    <name>ProfileDifferences</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>TIME-WAIT (2 MSL)</source>
        <translation>TIME-WAIT（2 MSL）</translation>
    </message>
    <message>
        <source>MSL</source>
        <translation>MSL</translation>
    </message>
    <message>
        <source>initial RTO</source>
        <translation>初始 RTO</translation>
    </message>
    <message>
        <source>RTO floor</source>
        <translation>RTO 下限</translation>
    </message>
    <message>
        <source>RTO cap</source>
        <translation>RTO 上限</translation>
    </message>
    <message>
        <source>retransmissions before giving up</source>
        <translation>放弃前的重传次数</translation>
    </message>
    <message>
        <source>give up after</source>
        <translation>放弃时限</translation>
    </message>
    <message>
        <source>delayed ACK</source>
        <translation>延迟 ACK</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>quick-ack budget cap</source>
        <translation>快速 ACK 配额上限</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 timeout (orphans)</source>
        <translation>FIN_WAIT_2 超时（孤儿套接字）</translation>
    </message>
    <message>
        <source>retransmissions of an orphan</source>
        <translation>孤儿套接字的重传次数</translation>
    </message>
    <message>
        <source>RST in TIME-WAIT ignored (RFC 1337)</source>
        <translation>TIME-WAIT 中忽略 RST（RFC 1337）</translation>
    </message>
    <message>
        <source>RST on abort carries ACK</source>
        <translation>中止时的 RST 带 ACK</translation>
    </message>
    <message>
        <source>TIME-WAIT restarted by</source>
        <translation>重启 TIME-WAIT 的报文段</translation>
    </message>
    <message>
        <source>any segment with ACK (T2)</source>
        <translation>任何带 ACK 的报文段（T2）</translation>
    </message>
    <message>
        <source>a retransmitted FIN (T1)</source>
        <translation>重传的 FIN（T1）</translation>
    </message>
    <message>
        <source>MSS</source>
        <translation>MSS</translation>
    </message>
    <message>
        <source>tail-loss probe</source>
        <translation>尾部丢失探测</translation>
    </message>
    <message>
        <source>while SACK is in use</source>
        <translation>使用 SACK 时</translation>
    </message>
    <message>
        <source>not taken</source>
        <translation>不走</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>走</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>next state</source>
        <translation>下一个状态</translation>
    </message>
    <message>
        <source>next segment</source>
        <translation>下一个报文段</translation>
    </message>
    <message>
        <source>next timer</source>
        <translation>下一个定时器</translation>
    </message>
    <message>
        <source>fate of a segment</source>
        <translation>报文段的去向</translation>
    </message>
    <message>
        <source>%1 is in %2. Which state does %1 enter next?</source>
        <translation>%1 处于 %2。%1 接下来进入哪个状态？</translation>
    </message>
    <message>
        <source>%1 is in %2. Which segment does %1 send next?</source>
        <translation>%1 处于 %2。%1 接下来发送哪个报文段？</translation>
    </message>
    <message>
        <source>No segment arrives before a timer fires. Which timer fires next, and when?</source>
        <translation>在定时器到期之前没有报文段到达。接下来哪个定时器到期，何时到期？</translation>
    </message>
    <message>
        <source>%1 reaches %2 in %3. What does %2 do with it?</source>
        <translation>%1 到达处于 %3 的 %2。%2 会怎样处理它？</translation>
    </message>
    <message>
        <source>%1&apos;s %2 timer, at t = %3</source>
        <translation>%1 的 %2 定时器，在 t = %3 时</translation>
    </message>
    <message>
        <source>accepted, nothing sent back</source>
        <translation>接受，不回复任何报文段</translation>
    </message>
    <message>
        <source>answered with an ACK</source>
        <translation>回复 ACK</translation>
    </message>
    <message>
        <source>ignored: dropped, nothing sent back</source>
        <translation>忽略：丢弃，不回复任何报文段</translation>
    </message>
    <message>
        <source>answered with RST</source>
        <translation>回复 RST</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>答对了：%1</translation>
    </message>
    <message>
        <source>Wrong. The answer is %1</source>
        <translation>答错了。正确答案是 %1</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>Quiz: right %1 · wrong %2 · hints %3 · points %4 · streak %5</source>
        <translation>测验：答对 %1 · 答错 %2 · 提示 %3 · 得分 %4 · 连对 %5</translation>
    </message>
    <message>
        <source>what a call returns</source>
        <translation>调用返回什么</translation>
    </message>
    <message>
        <source>%1 is in %2, its application in %3(). What does %3() return next?</source>
        <translation>%1 处于 %2，它的应用程序正在 %3() 中。%3() 接下来返回什么？</translation>
    </message>
    <message>
        <source>%1() = 0 (end of stream)</source>
        <translation>%1() = 0（数据流结束）</translation>
    </message>
    <message>
        <source>%1&apos;s application calls %2()</source>
        <translation>%1 的应用程序调用 %2()</translation>
    </message>
    <message>
        <source>%1 arrives at %2</source>
        <translation>%1 到达 %2</translation>
    </message>
    <message>
        <source>%1&apos;s %2 timer fires</source>
        <translation>%1 的 %2 定时器到期</translation>
    </message>
    <message>
        <source>the data %1&apos;s application wrote leaves</source>
        <translation>%1 的应用程序写入的数据发出</translation>
    </message>
    <message>
        <source>%1 is in %2. Next: %3. Which state does %1 enter?</source>
        <translation>%1 处于 %2。接下来：%3。%1 进入哪个状态？</translation>
    </message>
    <message>
        <source>%1 is in %2. Next: %3. Which segment does %1 send?</source>
        <translation>%1 处于 %2。接下来：%3。%1 发送哪个报文段？</translation>
    </message>
    <message>
        <source>%1 is in %2, its application in %3(). Next: %4. What does %3() return?</source>
        <translation>%1 处于 %2，其应用程序在 %3() 中。接下来：%4。%3() 返回什么？</translation>
    </message>
</context>
<context>
    <name>QuizAttempt</name>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>larger than 1 MiB: not a quiz attempt</source>
        <translation>大于 1 MiB：不是测验作答记录</translation>
    </message>
    <message>
        <source>not a FinWave quiz attempt</source>
        <translation>不是 FinWave 测验作答记录</translation>
    </message>
    <message>
        <source>no student or scenario named</source>
        <translation>没有写明学生或场景</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>The application opens a passive endpoint: it will accept a SYN (passive OPEN).</source>
        <translation>应用打开被动端点：它将接受一个 SYN（被动打开）。</translation>
    </message>
    <message>
        <source>The application opens the connection: it sends a SYN to start the three-way handshake.</source>
        <translation>应用发起连接：发送 SYN，开始三次握手。</translation>
    </message>
    <message>
        <source>The application hands data to TCP (SEND); it goes out in segments of at most MSS bytes.</source>
        <translation>应用把数据交给 TCP（SEND）；数据按不超过 MSS 字节的报文段发出。</translation>
    </message>
    <message>
        <source>SEND is refused: this side has already closed its sending direction (&quot;connection closing&quot;).</source>
        <translation>SEND 被拒绝：这一端已经关闭了发送方向（“连接正在关闭”）。</translation>
    </message>
    <message>
        <source>The application reads the data that has arrived, so nothing is left unread.</source>
        <translation>应用读取已到达的数据，没有未读数据了。</translation>
    </message>
    <message>
        <source>The application calls close(): &quot;I have no more data to send&quot;. A FIN will follow the queued data.</source>
        <translation>应用调用 close()：“我没有数据要发了”。FIN 会跟在排队的数据之后发出。</translation>
    </message>
    <message>
        <source>The application calls shutdown(SHUT_WR): it stops sending but can still receive (half-close).</source>
        <translation>应用调用 shutdown(SHUT_WR)：停止发送，但仍可接收（半关闭）。</translation>
    </message>
    <message>
        <source>CLOSE again: the connection is already closing, so no second FIN is sent.</source>
        <translation>再次 CLOSE：连接已经在关闭中，不会发送第二个 FIN。</translation>
    </message>
    <message>
        <source>The application aborts the connection: a RST is sent and everything queued is thrown away.</source>
        <translation>应用中止连接：发送 RST，所有排队的数据都被丢弃。</translation>
    </message>
    <message>
        <source>close() with SO_LINGER {on, 0}: instead of the FIN handshake the socket is aborted with a RST, so there is no TIME_WAIT.</source>
        <translation>设置 SO_LINGER {on, 0} 后调用 close()：不走 FIN 挥手，而是用 RST 中止套接字，因此没有 TIME_WAIT。</translation>
    </message>
    <message>
        <source>SYN: the first segment of the three-way handshake. It takes one sequence number.</source>
        <translation>SYN：三次握手的第一个报文段，占用一个序号。</translation>
    </message>
    <message>
        <source>SYN+ACK: the passive side acknowledges the SYN and sends its own SYN in the same segment. That is why opening takes three segments.</source>
        <translation>SYN+ACK：被动方在同一个报文段里确认对方的 SYN 并发出自己的 SYN。这就是建立连接只需三个报文段的原因。</translation>
    </message>
    <message>
        <source>ACK of the SYN+ACK: the handshake is complete and both ends are ESTABLISHED.</source>
        <translation>对 SYN+ACK 的 ACK：握手完成，两端都进入 ESTABLISHED。</translation>
    </message>
    <message>
        <source>A data segment. Its ACK field carries RCV.NXT, as every segment after the handshake does.</source>
        <translation>数据报文段。它的 ACK 字段携带 RCV.NXT，握手之后的每个报文段都是如此。</translation>
    </message>
    <message>
        <source>FIN: &quot;I have no more data&quot;. The FIN takes one sequence number and will be retransmitted until it is acknowledged.</source>
        <translation>FIN：“我没有更多数据了”。FIN 占用一个序号，在被确认之前会一直重传。</translation>
    </message>
    <message>
        <source>The FIN rides on the last data segment: close was called before the data had left.</source>
        <translation>FIN 搭载在最后一个数据报文段上：调用 close 时数据还没有发出。</translation>
    </message>
    <message>
        <source>This FIN also carries the ACK that was being delayed: the acknowledgement rides on it, so the close takes three segments, not four.</source>
        <translation>这个 FIN 同时带上了被延迟的 ACK：确认搭载在 FIN 上，所以关闭只用了三个报文段，而不是四个。</translation>
    </message>
    <message>
        <source>ACK of the data received; the ACK number is the next byte expected.</source>
        <translation>对收到数据的 ACK；确认号是期望收到的下一个字节。</translation>
    </message>
    <message>
        <source>ACK of the peer&apos;s FIN: ACK = the FIN&apos;s sequence number + 1.</source>
        <translation>对对方 FIN 的 ACK：确认号 = FIN 的序号 + 1。</translation>
    </message>
    <message>
        <source>The delayed-ACK timer expired with nothing to piggyback on, so a bare ACK goes out.</source>
        <translation>延迟 ACK 定时器到期，没有可以搭载的报文段，于是单独发出一个 ACK。</translation>
    </message>
    <message>
        <source>The segment was outside the receive window (an old or repeated one, such as a retransmitted FIN), so TCP answers with an ACK of what it expects and drops it.</source>
        <translation>该报文段不在接收窗口内（旧的或重复的，例如重传的 FIN），TCP 回复一个表明自己期望什么的 ACK，并丢弃它。</translation>
    </message>
    <message>
        <source>A RST or SYN that is inside the window but not exact: TCP answers with a challenge ACK instead of obeying it (RFC 5961).</source>
        <translation>落在窗口内但序号不精确的 RST 或 SYN：TCP 不照办，而是回复一个挑战 ACK（RFC 5961）。</translation>
    </message>
    <message>
        <source>RST: the connection is aborted. The peer will drop its TCB at once.</source>
        <translation>RST：连接被中止。对方会立即删除它的 TCB。</translation>
    </message>
    <message>
        <source>RST instead of FIN: the application closed while received data was still unread, so the peer is told that data was lost.</source>
        <translation>用 RST 代替 FIN：应用关闭时还有收到的数据没读，于是告诉对方数据丢失了。</translation>
    </message>
    <message>
        <source>RST: data arrived after the application had closed the socket, and nobody can read it any more.</source>
        <translation>RST：应用关闭套接字之后又来了数据，已经没有人能读取它。</translation>
    </message>
    <message>
        <source>RST: this side has no connection (no TCB) for the segment that arrived, so it resets it.</source>
        <translation>RST：这一端没有与到达报文段对应的连接（没有 TCB），所以复位它。</translation>
    </message>
    <message>
        <source>RST: TCP_LINGER2 is negative, so Linux resets instead of waiting in FIN_WAIT_2.</source>
        <translation>RST：TCP_LINGER2 为负，Linux 直接复位，而不在 FIN_WAIT_2 中等待。</translation>
    </message>
    <message>
        <source>Retransmission: the retransmission timer expired before an ACK came. The earliest unacknowledged segment is sent again with the same sequence number, and the timeout doubles.</source>
        <translation>重传：在 ACK 到来之前重传定时器到期。最早的未确认报文段以相同的序号再次发送，超时时间加倍。</translation>
    </message>
    <message>
        <source>A segment arrives and is checked: sequence number first, then RST, SYN, ACK, data and FIN, in that order.</source>
        <translation>报文段到达并被检查：先检查序号，再依次处理 RST、SYN、ACK、数据和 FIN。</translation>
    </message>
    <message>
        <source>The network lost this segment (random loss on this direction).</source>
        <translation>网络丢失了这个报文段（这个方向上的随机丢包）。</translation>
    </message>
    <message>
        <source>The scenario drops this segment on purpose, to show what happens when it is lost.</source>
        <translation>场景故意丢弃这个报文段，用来展示它丢失时会发生什么。</translation>
    </message>
    <message>
        <source>You dropped this segment while it was in flight.</source>
        <translation>你在这个报文段飞行途中把它丢弃了。</translation>
    </message>
    <message>
        <source>An old copy of an earlier segment arrives late, as a delayed duplicate from the network.</source>
        <translation>一个早先报文段的旧副本迟到了：这是网络中延迟的重复报文。</translation>
    </message>
    <message>
        <source>The segment is ignored: it does not pass the checks for this state.</source>
        <translation>该报文段被忽略：它没有通过当前状态的检查。</translation>
    </message>
    <message>
        <source>This RST is outside the window, so it is ignored silently.</source>
        <translation>这个 RST 在窗口之外，被静默忽略。</translation>
    </message>
    <message>
        <source>RST ignored in TIME_WAIT: RFC 1337 protection keeps TIME_WAIT from being assassinated.</source>
        <translation>在 TIME_WAIT 中忽略 RST：RFC 1337 保护 TIME_WAIT 不被“暗杀”。</translation>
    </message>
    <message>
        <source>A RST for a connection that does not exist is ignored; RST is never answered.</source>
        <translation>针对不存在连接的 RST 被忽略；对 RST 永远不作回应。</translation>
    </message>
    <message>
        <source>The data is ignored: this side has already received the peer&apos;s FIN.</source>
        <translation>数据被忽略：这一端已经收到了对方的 FIN。</translation>
    </message>
    <message>
        <source>An old ACK in TIME_WAIT changes nothing.</source>
        <translation>TIME_WAIT 中收到的旧 ACK 不会改变任何东西。</translation>
    </message>
    <message>
        <source>Data accepted in order; RCV.NXT moves past it.</source>
        <translation>数据按序接收；RCV.NXT 向前移动越过它。</translation>
    </message>
    <message>
        <source>This segment came before a missing one; it is held and an ACK asks for the missing bytes.</source>
        <translation>这个报文段先于缺失的报文段到达；它被暂存，并用 ACK 索要缺失的字节。</translation>
    </message>
    <message>
        <source>The ACK covers sequence numbers not acknowledged before (data or a FIN): SND.UNA moves forward and the retransmission timer is restarted or stopped.</source>
        <translation>ACK 覆盖了此前未被确认的序号（数据或 FIN）：SND.UNA 前移，重传定时器被重启或停止。</translation>
    </message>
    <message>
        <source>CLOSED to LISTEN: waiting for a connection request.</source>
        <translation>CLOSED 到 LISTEN：等待连接请求。</translation>
    </message>
    <message>
        <source>CLOSED to SYN_SENT: the SYN is on its way, waiting for SYN+ACK.</source>
        <translation>CLOSED 到 SYN_SENT：SYN 已发出，等待 SYN+ACK。</translation>
    </message>
    <message>
        <source>LISTEN to SYN_RECEIVED: a SYN arrived and SYN+ACK was sent, waiting for the last ACK of the handshake.</source>
        <translation>LISTEN 到 SYN_RECEIVED：收到 SYN 并发出了 SYN+ACK，等待握手的最后一个 ACK。</translation>
    </message>
    <message>
        <source>SYN_SENT to ESTABLISHED: the SYN+ACK arrived; the connection is open.</source>
        <translation>SYN_SENT 到 ESTABLISHED：收到 SYN+ACK，连接已建立。</translation>
    </message>
    <message>
        <source>SYN_RECEIVED to ESTABLISHED: the ACK of our SYN arrived; the connection is open.</source>
        <translation>SYN_RECEIVED 到 ESTABLISHED：收到对我方 SYN 的 ACK，连接已建立。</translation>
    </message>
    <message>
        <source>ESTABLISHED to FIN_WAIT_1: this side sent its FIN and waits for it to be acknowledged.</source>
        <translation>ESTABLISHED 到 FIN_WAIT_1：这一端发出了 FIN，等待它被确认。</translation>
    </message>
    <message>
        <source>FIN_WAIT_1 to FIN_WAIT_2: our FIN is acknowledged. Now we wait for the peer&apos;s FIN; the peer may still send data (half-close).</source>
        <translation>FIN_WAIT_1 到 FIN_WAIT_2：我方的 FIN 已被确认。现在等待对方的 FIN；对方仍可以继续发送数据（半关闭）。</translation>
    </message>
    <message>
        <source>ESTABLISHED to CLOSE_WAIT: the peer has no more data. This side can still send; it closes when its application calls close().</source>
        <translation>ESTABLISHED 到 CLOSE_WAIT：对方没有更多数据了。这一端仍可发送，等自己的应用调用 close() 时再关闭。</translation>
    </message>
    <message>
        <source>FIN_WAIT_1 to CLOSING: the peer&apos;s FIN arrived before the ACK of ours. Both sides are closing at once (simultaneous close).</source>
        <translation>FIN_WAIT_1 到 CLOSING：对方的 FIN 先于对我方 FIN 的 ACK 到达。双方在同时关闭（同时关闭）。</translation>
    </message>
    <message>
        <source>FIN_WAIT_1 straight to TIME_WAIT: one segment both acknowledged our FIN and carried the peer&apos;s FIN, so FIN_WAIT_2 is skipped.</source>
        <translation>FIN_WAIT_1 直接到 TIME_WAIT：同一个报文段既确认了我方的 FIN，又带着对方的 FIN，所以跳过了 FIN_WAIT_2。</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 to TIME_WAIT: the peer&apos;s FIN arrived and was acknowledged. This side now waits 2MSL in case that ACK is lost.</source>
        <translation>FIN_WAIT_2 到 TIME_WAIT：收到并确认了对方的 FIN。这一端现在等待 2MSL，以防这个 ACK 丢失。</translation>
    </message>
    <message>
        <source>CLOSE_WAIT to LAST_ACK: this side sent its FIN and waits for the last ACK.</source>
        <translation>CLOSE_WAIT 到 LAST_ACK：这一端发出了 FIN，等待最后一个 ACK。</translation>
    </message>
    <message>
        <source>CLOSING to TIME_WAIT: our FIN is acknowledged; wait 2MSL.</source>
        <translation>CLOSING 到 TIME_WAIT：我方的 FIN 已被确认；等待 2MSL。</translation>
    </message>
    <message>
        <source>LAST_ACK to CLOSED: the last ACK arrived. This side deletes its TCB at once; it needs no TIME_WAIT.</source>
        <translation>LAST_ACK 到 CLOSED：最后一个 ACK 到达。这一端立即删除 TCB，不需要 TIME_WAIT。</translation>
    </message>
    <message>
        <source>TIME_WAIT to CLOSED: 2MSL passed without a retransmitted FIN, so the last ACK must have arrived and old duplicates have died out.</source>
        <translation>TIME_WAIT 到 CLOSED：2MSL 内没有收到重传的 FIN，说明最后的 ACK 已经到达，旧的重复报文也已消亡。</translation>
    </message>
    <message>
        <source>The peer&apos;s FIN came again: our last ACK was lost. TIME_WAIT ACKs it again and restarts the 2MSL timer. This is why TIME_WAIT exists.</source>
        <translation>对方的 FIN 又来了：我方最后的 ACK 丢了。TIME_WAIT 再次确认它，并重新开始 2MSL 计时。这正是 TIME_WAIT 存在的原因。</translation>
    </message>
    <message>
        <source>Linux restarts TIME_WAIT on any segment with ACK that arrives in it.</source>
        <translation>Linux 在 TIME_WAIT 中收到任何带 ACK 的报文段都会重新开始计时。</translation>
    </message>
    <message>
        <source>A valid RST arrived: the connection is reset and this side goes to CLOSED at once.</source>
        <translation>收到有效的 RST：连接被复位，这一端立即进入 CLOSED。</translation>
    </message>
    <message>
        <source>A RST ended TIME_WAIT early (&quot;TIME_WAIT assassination&quot;, RFC 1337).</source>
        <translation>一个 RST 提前结束了 TIME_WAIT（“TIME_WAIT 暗杀”，RFC 1337）。</translation>
    </message>
    <message>
        <source>The TCB is deleted at once (abort): no FIN, no TIME_WAIT.</source>
        <translation>TCB 立即被删除（中止）：没有 FIN，也没有 TIME_WAIT。</translation>
    </message>
    <message>
        <source>Closed with a RST because received data was never read.</source>
        <translation>因为收到的数据从未被读取，以 RST 关闭。</translation>
    </message>
    <message>
        <source>Closed with a RST because data arrived after close().</source>
        <translation>因为 close() 之后又收到数据，以 RST 关闭。</translation>
    </message>
    <message>
        <source>Linux: the orphaned socket waited tcp_fin_timeout in FIN_WAIT_2 without the peer&apos;s FIN and is closed silently.</source>
        <translation>Linux：孤儿套接字在 FIN_WAIT_2 中等待了 tcp_fin_timeout 仍未收到对方的 FIN，被静默关闭。</translation>
    </message>
    <message>
        <source>The user timeout expired: the connection is closed.</source>
        <translation>用户超时到期：连接被关闭。</translation>
    </message>
    <message>
        <source>Retransmission timer (RTO): if no ACK arrives before it fires, the earliest unacknowledged segment is sent again.</source>
        <translation>重传定时器（RTO）：如果到期前没有 ACK 到达，就重发最早的未确认报文段。</translation>
    </message>
    <message>
        <source>TIME_WAIT timer, 2MSL: long enough for a lost last ACK to be noticed and for old segments to die out.</source>
        <translation>TIME_WAIT 定时器，2MSL：足够长，既能发现最后的 ACK 是否丢失，也能让旧报文段在网络中消亡。</translation>
    </message>
    <message>
        <source>Delayed-ACK timer: the ACK waits briefly, hoping to ride on a data segment or a FIN.</source>
        <translation>延迟 ACK 定时器：ACK 稍等片刻，希望能搭载在数据报文段或 FIN 上。</translation>
    </message>
    <message>
        <source>Linux FIN_WAIT_2 timer for orphaned sockets (tcp_fin_timeout).</source>
        <translation>Linux 针对孤儿套接字的 FIN_WAIT_2 定时器（tcp_fin_timeout）。</translation>
    </message>
    <message>
        <source>User timeout: the longest time the connection may take to close.</source>
        <translation>用户超时：连接关闭所能花费的最长时间。</translation>
    </message>
    <message>
        <source>A forged RST arrives, aimed at the receiver&apos;s window (a blind reset attack). Only a RST whose sequence number is exactly RCV.NXT is obeyed; one merely inside the window gets a challenge ACK.</source>
        <translation>一个伪造的 RST 到达，瞄准接收方的窗口（盲复位攻击）。只有序号恰好等于 RCV.NXT 的 RST 才会被执行；仅落在窗口内的 RST 会得到一个挑战 ACK。</translation>
    </message>
    <message>
        <source>Linux with TCP_LINGER2 &lt; 0: the orphan answers the ACK of its FIN with a RST and is closed at once instead of waiting in FIN_WAIT_2.</source>
        <translation>Linux 下 TCP_LINGER2 &lt; 0：孤儿套接字收到对其 FIN 的 ACK 后回以 RST，并立即关闭，而不在 FIN_WAIT_2 中等待。</translation>
    </message>
    <message>
        <source>Tail-loss probe: the last segment in flight is sent again before the retransmission timeout, so a lost tail is noticed sooner.</source>
        <translation>尾部丢失探测：在重传超时之前再次发送飞行中的最后一个报文段，从而更早发现尾部丢失。</translation>
    </message>
    <message>
        <source>A SYN with a sequence number above the old connection&apos;s arrives in TIME_WAIT: TIME_WAIT ends and a new incarnation of the connection starts, with an ISN above the old one.</source>
        <translation>TIME_WAIT 中到达一个序号高于旧连接的 SYN：TIME_WAIT 结束，连接的新化身开始，其 ISN 高于旧连接。</translation>
    </message>
    <message>
        <source>A new incarnation of the connection begins: same addresses and ports as an earlier one.</source>
        <translation>连接的新化身开始：地址和端口与先前的连接相同。</translation>
    </message>
    <message>
        <source>Corrupted data: an old duplicate from the previous incarnation is accepted as if it were this connection&apos;s data.</source>
        <translation>数据被破坏：来自上一个化身的旧重复报文被当作本连接的数据接收了。</translation>
    </message>
    <message>
        <source>Window update: the application has read the data, so the receive window opens again and the sender may go on.</source>
        <translation>窗口更新：应用已读取数据，接收窗口重新打开，发送方可以继续发送。</translation>
    </message>
    <message>
        <source>OPEN is refused: this address and port still belong to a connection (&quot;connection already exists&quot;).</source>
        <translation>OPEN 被拒绝：该地址和端口仍属于一个连接（“连接已存在”）。</translation>
    </message>
    <message>
        <source>Probe timer (PTO): about two round trips; if nothing is acknowledged by then, the last segment is probed.</source>
        <translation>探测定时器（PTO）：约两个往返时间；若届时仍无确认，就探测最后一个报文段。</translation>
    </message>
    <message>
        <source>TCP gives up: repeated retransmissions drew no ACK, so the connection is closed.</source>
        <translation>TCP 放弃：多次重传都没有得到 ACK，于是关闭连接。</translation>
    </message>
    <message>
        <source>The retry limit is reached: the segment was retransmitted as often as allowed without an ACK.</source>
        <translation>达到重试上限：该报文段已按允许的次数重传，仍没有 ACK。</translation>
    </message>
    <message>
        <source>The time limit R2 is reached: no ACK came within that time of the segment&apos;s first transmission, before the retry limit.</source>
        <translation>达到时间上限 R2：自该报文段首次发送起，在这段时间内没有 ACK 到来，尚未用完重试次数。</translation>
    </message>
    <message>
        <source>PAWS: its timestamp is older than the last one seen, so it is an old duplicate; it is answered with an ACK and dropped.</source>
        <translation>PAWS：它的时间戳比最近见到的更旧，因此是旧的重复报文段；回一个 ACK 后丢弃。</translation>
    </message>
    <message>
        <source>The capture shows this segment did not arrive: what answered it never came, or the other end sent again what it covered.</source>
        <translation>抓包表明这个报文段没有到达：对它的应答从未出现，或者对端又重发了它所覆盖的内容。</translation>
    </message>
    <message>
        <source>listen() returns 0: the socket now waits for connections, and the application waits in accept().</source>
        <translation>listen() 返回 0：套接字开始等待连接，应用程序在 accept() 中等待。</translation>
    </message>
    <message>
        <source>accept() returns the new connection: the ACK of this side&apos;s SYN arrived and the handshake is complete.</source>
        <translation>accept() 返回新连接：对本端 SYN 的 ACK 已到达，握手完成。</translation>
    </message>
    <message>
        <source>connect() returns 0: the SYN,ACK arrived and this side&apos;s ACK completes the handshake.</source>
        <translation>connect() 返回 0：SYN,ACK 已到达，本端的 ACK 完成了握手。</translation>
    </message>
    <message>
        <source>write() returns the byte count: the bytes are in the send buffer, not yet delivered, let alone acknowledged.</source>
        <translation>write() 返回字节数：这些字节在发送缓冲区里，还没有送达，更没有被确认。</translation>
    </message>
    <message>
        <source>read() returns the bytes that arrived in order.</source>
        <translation>read() 返回按序到达的字节。</translation>
    </message>
    <message>
        <source>read() returns 0, the end of the stream: the peer&apos;s FIN arrived and it will send nothing more. This side may still send.</source>
        <translation>read() 返回 0，即流的结束：对端的 FIN 已到达，它不会再发送任何数据。本端仍可以发送。</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR) returns 0: a FIN follows the queued data, and this side can still read.</source>
        <translation>shutdown(SHUT_WR) 返回 0：排队的数据之后跟着一个 FIN，本端仍可以读。</translation>
    </message>
    <message>
        <source>close() returns 0 at once: the kernel sends the rest of the data and the FIN by itself; the application is gone.</source>
        <translation>close() 立即返回 0：内核自己发送剩下的数据和 FIN；应用程序已经不在了。</translation>
    </message>
    <message>
        <source>close() with SO_LINGER 0 returns 0 at once, but every byte not yet acknowledged is thrown away and a RST is sent instead of a FIN. The application believed those bytes were written.</source>
        <translation>设置 SO_LINGER 0 的 close() 立即返回 0，但所有尚未被确认的字节都被丢弃，发送的是 RST 而不是 FIN。应用程序还以为这些字节已经写出去了。</translation>
    </message>
    <message>
        <source>close() returns 0, but received data was never read: the kernel throws it away and resets the connection.</source>
        <translation>close() 返回 0，但收到的数据从未被读取：内核把它丢弃并重置连接。</translation>
    </message>
    <message>
        <source>The call fails with ECONNRESET: the peer reset the connection. It is reported once; after that read() returns 0 and write() fails with EPIPE.</source>
        <translation>调用以 ECONNRESET 失败：对端重置了连接。这个错误只报告一次；之后 read() 返回 0，write() 以 EPIPE 失败。</translation>
    </message>
    <message>
        <source>connect() fails with ECONNREFUSED: a RST answered the SYN; nothing listens there.</source>
        <translation>connect() 以 ECONNREFUSED 失败：SYN 得到的回答是 RST；那里没有程序在监听。</translation>
    </message>
    <message>
        <source>The call fails with ETIMEDOUT: the retransmissions gave up, or the user timeout expired, and the connection is gone.</source>
        <translation>调用以 ETIMEDOUT 失败：重传放弃了，或用户超时到期，连接已经不存在。</translation>
    </message>
    <message>
        <source>write() fails with EPIPE (and the process gets SIGPIPE unless it asked not to): this side has shut down its sending, or the connection is gone.</source>
        <translation>write() 以 EPIPE 失败（除非进程要求不要，否则还会收到 SIGPIPE）：本端已关闭发送方向，或者连接已经不存在。</translation>
    </message>
    <message>
        <source>The call fails with ENOTCONN: the socket has no connection.</source>
        <translation>调用以 ENOTCONN 失败：套接字没有连接。</translation>
    </message>
    <message>
        <source>The call fails: the socket is already connected or listening (EISCONN, EINVAL).</source>
        <translation>调用失败：套接字已经连接或正在监听（EISCONN、EINVAL）。</translation>
    </message>
    <message>
        <source>The call fails with EBADF: the application has already closed this descriptor.</source>
        <translation>调用以 EBADF 失败：应用程序已经关闭了这个描述符。</translation>
    </message>
    <message>
        <source>connect() fails with EADDRNOTAVAIL: the same addresses and ports are still in TIME_WAIT, so this connection cannot begin yet.</source>
        <translation>connect() 以 EADDRNOTAVAIL 失败：同样的地址和端口仍处于 TIME_WAIT，这个连接还不能开始。</translation>
    </message>
</context>
<context>
    <name>Rule</name>
    <message>
        <source>scenario fault</source>
        <translation>场景设定的故障</translation>
    </message>
    <message>
        <source>dropped by the user</source>
        <translation>由用户丢弃</translation>
    </message>
    <message>
        <source>channel loss probability</source>
        <translation>信道丢包概率</translation>
    </message>
    <message>
        <source>what the capture shows</source>
        <translation>抓包中所见</translation>
    </message>
    <message>
        <source>POSIX close(): EBADF after the descriptor is closed</source>
        <translation>POSIX close()：描述符关闭后返回 EBADF</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>%1: not a regular file (a device, a pipe or a folder)</source>
        <translation>%1：不是普通文件（设备、管道或文件夹）</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Normal close (four segments)</source>
        <translation>正常关闭（四个报文段）</translation>
    </message>
    <message>
        <source>A closes, B ACKs at once and closes later: FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, LAST_ACK, TIME_WAIT.</source>
        <translation>A 先关闭，B 立即确认、稍后再关闭：FIN_WAIT_1、FIN_WAIT_2、CLOSE_WAIT、LAST_ACK、TIME_WAIT。</translation>
    </message>
    <message>
        <source>Piggybacked FIN+ACK (three segments)</source>
        <translation>FIN 捎带 ACK（三个报文段）</translation>
    </message>
    <message>
        <source>B closes before its delayed ACK fires: FIN+ACK in one segment, A goes FIN_WAIT_1 straight to TIME_WAIT.</source>
        <translation>B 在延迟 ACK 发出前就关闭：FIN+ACK 合在一个报文段里，A 从 FIN_WAIT_1 直接进入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>Simultaneous close (CLOSING)</source>
        <translation>同时关闭（CLOSING）</translation>
    </message>
    <message>
        <source>Both FINs cross: both ends pass CLOSING and both wait in TIME_WAIT.</source>
        <translation>两个 FIN 交叉而过：两端都经过 CLOSING，并且都在 TIME_WAIT 中等待。</translation>
    </message>
    <message>
        <source>Half-close: B keeps sending</source>
        <translation>半关闭：B 继续发送</translation>
    </message>
    <message>
        <source>A shuts down writing; B keeps sending data in CLOSE_WAIT, A ACKs it in FIN_WAIT_2.</source>
        <translation>A 关闭写方向；B 在 CLOSE_WAIT 中继续发数据，A 在 FIN_WAIT_2 中确认。</translation>
    </message>
    <message>
        <source>A&apos;s FIN is lost</source>
        <translation>A 的 FIN 丢失</translation>
    </message>
    <message>
        <source>A&apos;s FIN is lost and resent after the retransmission timeout.</source>
        <translation>A 的 FIN 丢失，在重传超时后重新发送。</translation>
    </message>
    <message>
        <source>B&apos;s ACK of the FIN is lost</source>
        <translation>B 对 FIN 的 ACK 丢失</translation>
    </message>
    <message>
        <source>B&apos;s ACK of A&apos;s FIN is lost; A resends its FIN, B ACKs again.</source>
        <translation>B 对 A 的 FIN 的 ACK 丢失；A 重发 FIN，B 再次确认。</translation>
    </message>
    <message>
        <source>The last ACK is lost</source>
        <translation>最后的 ACK 丢失</translation>
    </message>
    <message>
        <source>A&apos;s final ACK is lost; B resends FIN from LAST_ACK; A re-ACKs from TIME_WAIT and restarts 2MSL.</source>
        <translation>A 的最后一个 ACK 丢失；B 在 LAST_ACK 中重发 FIN；A 在 TIME_WAIT 中再次确认，并重新开始 2MSL 计时。</translation>
    </message>
    <message>
        <source>SO_LINGER 0: abort with RST</source>
        <translation>SO_LINGER 0：用 RST 中止</translation>
    </message>
    <message>
        <source>Close with unread data: RST</source>
        <translation>有未读数据时关闭：RST</translation>
    </message>
    <message>
        <source>A closes with received data unread: RST instead of FIN.</source>
        <translation>A 关闭时还有收到的数据未读：发送 RST 而不是 FIN。</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 timeout (Linux)</source>
        <translation>FIN_WAIT_2 超时（Linux）</translation>
    </message>
    <message>
        <source>Every FIN is lost: A gives up</source>
        <translation>每个 FIN 都丢失：A 放弃</translation>
    </message>
    <message>
        <source>Every FIN from A is lost: A gives up after its retry limit.</source>
        <translation>A 发出的每个 FIN 都丢失：A 在达到重试上限后放弃。</translation>
    </message>
    <message>
        <source>Full lifecycle: open, data, close</source>
        <translation>完整生命周期：建立、数据、关闭</translation>
    </message>
    <message>
        <source>Three-way open, some data, four-way close: compare three segments with four.</source>
        <translation>三次握手、传输数据、四次挥手：对比三个报文段与四个报文段。</translation>
    </message>
    <message>
        <source>Old duplicate: why TIME_WAIT lasts 2MSL</source>
        <translation>旧的重复报文：TIME_WAIT 为何持续 2MSL</translation>
    </message>
    <message>
        <source>A delayed copy of B&apos;s data outlives the connection. With TIME_WAIT intact it dies there and A cannot reopen yet; set TIME_WAIT to 0 and A reconnects at once, and the copy is taken as the new connection&apos;s data (corrupted, in red) while B&apos;s real bytes are discarded.</source>
        <translation>B 的数据的一个延迟副本比连接活得更久。TIME_WAIT 完整时，它在 TIME_WAIT 中消亡，A 暂时不能重新打开连接；把 TIME_WAIT 设为 0，A 立即重连，这个副本被当作新连接的数据（被破坏，红色显示），而 B 真正的字节被丢弃。</translation>
    </message>
    <message>
        <source>B does not close for 70 s: A leaves FIN_WAIT_2 by timeout at 60 s; B&apos;s late FIN meets a RST.</source>
        <translation>B 在 70 秒内都不关闭：A 在 60 秒时因超时离开 FIN_WAIT_2；B 迟到的 FIN 遇到 RST。</translation>
    </message>
    <message>
        <source>Quiz: closing states</source>
        <translation>测验：关闭状态</translation>
    </message>
    <message>
        <source>Predict each step of three closes: the normal four-segment close, then a simultaneous close (CLOSING), then a half-close.</source>
        <translation>预测三次关闭的每一步：正常的四次挥手，然后是同时关闭（CLOSING），最后是半关闭。</translation>
    </message>
    <message>
        <source>Quiz: when things go wrong</source>
        <translation>测验：出错的时候</translation>
    </message>
    <message>
        <source>Predict each step when a FIN is lost, when the last ACK is lost, and when a close ends in RST (SO_LINGER 0, unread data).</source>
        <translation>预测 FIN 丢失、最后一个 ACK 丢失，以及关闭以 RST 结束（SO_LINGER 0、未读数据）时的每一步。</translation>
    </message>
    <message>
        <source>A writes 1000 bytes; the segment is lost. 30 ms later, before anything could resend it, A closes with SO_LINGER 0: close() returns 0 at once, the 1000 bytes still in its send buffer are thrown away, and a RST goes instead of a FIN. Nothing will send those bytes again. The RST&apos;s sequence number lies beyond what B has received, so B answers with a challenge ACK (RFC 5961); A, with no connection left, replies with a RST that B accepts. B&apos;s read() fails with ECONNRESET and B never reads the bytes. No TIME_WAIT anywhere.</source>
        <translation>A 写入 1000 字节，这个报文段丢失了。30 毫秒后，在任何重传发生之前，A 在 SO_LINGER 0 下关闭：close() 立即返回 0，发送缓冲区里的这 1000 字节被丢弃，发出的是 RST 而不是 FIN。再也没有谁会发送这些字节。RST 的序号超出了 B 已收到的范围，所以 B 回以挑战 ACK（RFC 5961）；A 已没有连接，回一个 RST，B 接受它。B 的 read() 以 ECONNRESET 失败，B 永远读不到这些字节。哪一端都没有 TIME_WAIT。</translation>
    </message>
</context>
<context>
    <name>ScenarioError</name>
    <message>
        <source>cannot be opened for reading</source>
        <translation>无法打开读取</translation>
    </message>
    <message>
        <source>cannot be read (is it a folder?)</source>
        <translation>无法读取（是文件夹吗？）</translation>
    </message>
    <message>
        <source>is larger than %1 bytes, the limit for a scenario file</source>
        <translation>大于 %1 字节，这是场景文件的上限</translation>
    </message>
    <message>
        <source>nests deeper than %1 levels, the limit for a scenario file</source>
        <translation>嵌套超过 %1 层，这是场景文件的上限</translation>
    </message>
    <message>
        <source>has more than %1 entries, the limit for a list</source>
        <translation>超过 %1 项，这是列表的上限</translation>
    </message>
    <message>
        <source>is past %1 values, the limit for a scenario file</source>
        <translation>超过 %1 个值，这是场景文件的上限</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>appears twice in one object (first at line %1, column %2)</source>
        <translation>在同一对象中出现两次（第一次在第 %1 行第 %2 列）</translation>
    </message>
    <message>
        <source>unknown field (expected one of: %1)</source>
        <translation>未知字段（应为以下之一：%1）</translation>
    </message>
    <message>
        <source>is missing (this program reads versions 1 and 2)</source>
        <translation>缺失（本程序读取版本 1 和 2）</translation>
    </message>
    <message>
        <source>is missing (A or B)</source>
        <translation>缺失（A 或 B）</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a list of flags such as [&quot;FIN&quot;, &quot;ACK&quot;]</source>
        <translation>必须是标志列表，例如 [&quot;FIN&quot;, &quot;ACK&quot;]</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 和 %2 之间</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2</source>
        <translation>“%1”不是以下之一：%2</translation>
    </message>
    <message>
        <source>%1 is not a flag (%2)</source>
        <translation>%1 不是标志（%2）</translation>
    </message>
    <message>
        <source>version %1 is not supported (this program reads versions 1 and 2)</source>
        <translation>不支持版本 %1（本程序读取版本 1 和 2）</translation>
    </message>
    <message>
        <source>must not exceed rto_max_ms</source>
        <translation>不得超过 rto_max_ms</translation>
    </message>
    <message>
        <source>has %1 entries; the limit is %2</source>
        <translation>有 %1 项；上限为 %2</translation>
    </message>
    <message>
        <source>%1 would send %2 bytes in all; the limit is %3 per endpoint</source>
        <translation>%1 将共发送 %2 字节；每个端点的上限为 %3</translation>
    </message>
    <message>
        <source>the sends would cut %1 data segments at MSS %2; the limit is %3 per run</source>
        <translation>这些发送在 MSS %2 下将切分出 %1 个数据报文段；每次运行的上限为 %3</translation>
    </message>
    <message>
        <source>&lt;scenario&gt;</source>
        <translation>&lt;场景&gt;</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: </source>
        <translation>字段“%1”：</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source> (retransmission #%1)</source>
        <translation>（第 %1 次重传）</translation>
    </message>
</context>
<context>
    <name>StateGraph</name>
    <message>
        <source>passive OPEN</source>
        <translation>被动打开</translation>
    </message>
    <message>
        <source>active OPEN / snd SYN</source>
        <translation>主动打开 / 发 SYN</translation>
    </message>
    <message>
        <source>rcv SYN / snd SYN,ACK</source>
        <translation>收 SYN / 发 SYN,ACK</translation>
    </message>
    <message>
        <source>rcv SYN,ACK / snd ACK</source>
        <translation>收 SYN,ACK / 发 ACK</translation>
    </message>
    <message>
        <source>rcv ACK of SYN / x</source>
        <translation>收 SYN 的 ACK / 无</translation>
    </message>
    <message>
        <source>CLOSE / snd FIN</source>
        <translation>CLOSE / 发 FIN</translation>
    </message>
    <message>
        <source>rcv FIN / snd ACK</source>
        <translation>收 FIN / 发 ACK</translation>
    </message>
    <message>
        <source>rcv ACK of FIN / x</source>
        <translation>收 FIN 的 ACK / 无</translation>
    </message>
    <message>
        <source>rcv FIN+ACK / snd ACK</source>
        <translation>收 FIN+ACK / 发 ACK</translation>
    </message>
    <message>
        <source>timeout 2MSL / delete TCB</source>
        <translation>2MSL 超时 / 删除 TCB</translation>
    </message>
    <message>
        <source>rcv RST</source>
        <translation>收 RST</translation>
    </message>
    <message>
        <source>ABORT / snd RST</source>
        <translation>ABORT / 发 RST</translation>
    </message>
    <message>
        <source>CLOSE, data unread / snd RST</source>
        <translation>CLOSE，有未读数据 / 发 RST</translation>
    </message>
    <message>
        <source>rcv data after close / snd RST</source>
        <translation>close 后收到数据 / 发 RST</translation>
    </message>
    <message>
        <source>retries exhausted</source>
        <translation>重传次数用尽</translation>
    </message>
    <message>
        <source>tcp_fin_timeout (Linux)</source>
        <translation>tcp_fin_timeout（Linux）</translation>
    </message>
    <message>
        <source>user timeout</source>
        <translation>用户超时</translation>
    </message>
    <message>
        <source>ABORT / delete TCB</source>
        <translation>ABORT / 删除 TCB</translation>
    </message>
    <message>
        <source>timeout RTO / snd FIN again</source>
        <translation>RTO 超时 / 重发 FIN</translation>
    </message>
    <message>
        <source>CLOSE / delete TCB</source>
        <translation>CLOSE / 删除 TCB</translation>
    </message>
    <message>
        <source>rcv ACK of FIN, TCP_LINGER2 &lt; 0 / snd RST</source>
        <translation>收到 FIN 的 ACK，TCP_LINGER2 &lt; 0 / 发 RST</translation>
    </message>
    <message>
        <source>rcv FIN again / snd ACK, restart 2MSL</source>
        <translation>再次收到 FIN / 发 ACK，重启 2MSL</translation>
    </message>
    <message>
        <source>rcv SYN above RCV.NXT / snd SYN,ACK</source>
        <translation>收到高于 RCV.NXT 的 SYN / 发 SYN,ACK</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>FinWave user guide</source>
        <translation>FinWave 用户指南</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>finwave::app::CapturePanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>its SYN is not in the capture</source>
        <translation>抓包中没有它的 SYN</translation>
    </message>
    <message>
        <source>MSS %1</source>
        <translation>MSS %1</translation>
    </message>
    <message>
        <source>SACK-permitted</source>
        <translation>允许 SACK</translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>window scale %1</source>
        <translation>窗口缩放 %1</translation>
    </message>
    <message>
        <source>no options</source>
        <translation>没有选项</translation>
    </message>
    <message>
        <source>What the capture tells. It happened: nothing here can be changed.</source>
        <translation>抓包所告诉的内容。这些已经发生：这里什么都不能改。</translation>
    </message>
    <message>
        <source>Captured at</source>
        <translation>抓包位置</translation>
    </message>
    <message>
        <source>%1&apos;s end, %2</source>
        <translation>%1 端，%2</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>%1, estimated</source>
        <translation>%1（估计值）</translation>
    </message>
    <message>
        <source>Shortest flight</source>
        <translation>最短传输时间</translation>
    </message>
    <message>
        <source>A→B %1 · B→A %2</source>
        <translation>A→B %1 · B→A %2</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>报文段</translation>
    </message>
    <message>
        <source>%1 captured; %2 not captured but sent; %3 lost</source>
        <translation>抓到 %1 个；%2 个已发送但未被抓到；%3 个丢失</translation>
    </message>
    <message>
        <source>A&apos;s SYN offered</source>
        <translation>A 的 SYN 提供</translation>
    </message>
    <message>
        <source>B&apos;s SYN offered</source>
        <translation>B 的 SYN 提供</translation>
    </message>
    <message>
        <source>SACK</source>
        <translation>SACK</translation>
    </message>
    <message>
        <source>in use: Linux sends a tail-loss probe for a lost last segment</source>
        <translation>已启用：最后一个报文段丢失时 Linux 会发送尾部丢失探测</translation>
    </message>
    <message>
        <source>not in use: a lost last segment waits for the retransmission timer</source>
        <translation>未启用：丢失的最后一个报文段要等重传定时器</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>in use (RFC 7323)</source>
        <translation>已启用（RFC 7323）</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Linux, by the order of the SYN options</source>
        <translation>Linux（根据 SYN 选项的顺序）</translation>
    </message>
    <message>
        <source>not known from the SYN options</source>
        <translation>无法从 SYN 选项判断</translation>
    </message>
    <message>
        <source>Assumed</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>TIME_WAIT lasts %1 (Linux&apos;s TCP_TIMEWAIT_LEN); RST in TIME_WAIT %2</source>
        <translation>TIME_WAIT 持续 %1（Linux 的 TCP_TIMEWAIT_LEN）；TIME_WAIT 中的 RST %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>ignored (RFC 1337)</source>
        <translation>被忽略（RFC 1337）</translation>
    </message>
    <message>
        <source>closes it</source>
        <translation>会关闭它</translation>
    </message>
</context>
<context>
    <name>finwave::app::ChartsPanel</name>
    <message>
        <source>State timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <source>Loss sweep</source>
        <translation>丢包扫描</translation>
    </message>
    <message>
        <source>TIME_WAIT pile-up</source>
        <translation>TIME_WAIT 堆积</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Loss from</source>
        <translation>丢包率从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Runs per point</source>
        <translation>每点运行次数</translation>
    </message>
    <message>
        <source>Master seed</source>
        <translation>主种子</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>图片 (*.png *.svg)</translation>
    </message>
    <message>
        <source>Connections closed per second (R)</source>
        <translation>每秒关闭的连接数（R）</translation>
    </message>
    <message>
        <source>Custom TIME_WAIT (T)</source>
        <translation>自定义 TIME_WAIT（T）</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>%1 /秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Linux, 60 s</source>
        <translation>Linux，60 秒</translation>
    </message>
    <message>
        <source>RFC, 240 s</source>
        <translation>RFC，240 秒</translation>
    </message>
    <message>
        <source>custom, %1 s</source>
        <translation>自定义，%1 秒</translation>
    </message>
    <message>
        <source>SO_LINGER 0</source>
        <translation>SO_LINGER 0</translation>
    </message>
    <message>
        <source>time (idle spans shortened)</source>
        <translation>时间（空闲时段已缩短）</translation>
    </message>
    <message>
        <source>current: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>finwave::app::CompareWindow</name>
    <message>
        <source>t = %1 s · first run step %2 · second run step %3.</source>
        <translation>t = %1 秒 · 第一次运行第 %2 步 · 第二次运行第 %3 步。</translation>
    </message>
    <message>
        <source>%1 events paired, %2 of them at another time; %3 only in the first run, %4 only in the second.</source>
        <translation>配对了 %1 个事件，其中 %2 个时间不同；%3 个只在第一次运行中，%4 个只在第二次运行中。</translation>
    </message>
    <message>
        <source>The two runs do not differ.</source>
        <translation>两次运行没有差别。</translation>
    </message>
    <message>
        <source>Compare two runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>比较对象：</translation>
    </message>
    <message>
        <source>the same run under the other profile</source>
        <translation>同一运行换用另一个协议配置</translation>
    </message>
    <message>
        <source>the same scenario without your drops and changes</source>
        <translation>同一场景，不含你的丢包和改动</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>第一次运行</translation>
    </message>
    <message>
        <source>Δt</source>
        <translation>Δt</translation>
    </message>
    <message>
        <source>Second run</source>
        <translation>第二次运行</translation>
    </message>
    <message>
        <source>First run&apos;s sequence diagram</source>
        <translation>第一次运行的时序图</translation>
    </message>
    <message>
        <source>Second run&apos;s sequence diagram</source>
        <translation>第二次运行的时序图</translation>
    </message>
    <message>
        <source>Both runs&apos; events, paired</source>
        <translation>两次运行配对后的事件</translation>
    </message>
    <message>
        <source>Both runs&apos; events</source>
        <translation>两次运行的事件</translation>
    </message>
    <message>
        <source>rfc against linux</source>
        <translation>rfc 对比 linux</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Where the two profiles differ for closing</source>
        <translation>两个协议配置在关闭连接上的差别</translation>
    </message>
    <message>
        <source>First run&apos;s state graph</source>
        <translation>第一次运行的状态图</translation>
    </message>
    <message>
        <source>Second run&apos;s state graph</source>
        <translation>第二次运行的状态图</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>State graph</source>
        <translation>状态图</translation>
    </message>
    <message>
        <source>Compare with a capture</source>
        <translation>与抓包文件比较</translation>
    </message>
    <message>
        <source>D goes to the first difference.</source>
        <translation>按 D 跳到第一处不同。</translation>
    </message>
    <message>
        <source>%1: unknown extension (png, svg, pdf)</source>
        <translation>%1：未知的扩展名（png、svg、pdf）</translation>
    </message>
    <message>
        <source>Export both runs</source>
        <translation>导出两次运行</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>a capture file…</source>
        <translation>一个抓包文件…</translation>
    </message>
    <message>
        <source>&amp;Export both…</source>
        <translation>导出两者(&amp;E)…</translation>
    </message>
    <message>
        <source>First difference: %1 at %2 s in the first run, at %3 s in the second.</source>
        <translation>第一处不同：%1，第一次运行在 %2 秒，第二次运行在 %3 秒。</translation>
    </message>
    <message>
        <source>First difference: %1 at %2 s, only in the first run.</source>
        <translation>第一处不同：%1，在 %2 秒，只在第一次运行中。</translation>
    </message>
    <message>
        <source>First difference: %1 at %2 s, only in the second run.</source>
        <translation>第一处不同：%1，在 %2 秒，只在第二次运行中。</translation>
    </message>
    <message>
        <source>The first run ends at %1 s, the second at %2 s.</source>
        <translation>第一次运行在 %1 秒结束，第二次在 %2 秒结束。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>a scenario file…</source>
        <translation>一个场景文件…</translation>
    </message>
    <message>
        <source>Compare with a scenario file</source>
        <translation>与场景文件比较</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>场景 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>finwave::app::ControlPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Loss A→B</source>
        <translation>丢包 A→B</translation>
    </message>
    <message>
        <source>Loss B→A</source>
        <translation>丢包 B→A</translation>
    </message>
    <message>
        <source>Delay A→B</source>
        <translation>时延 A→B</translation>
    </message>
    <message>
        <source>Delay B→A</source>
        <translation>时延 B→A</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>TIME_WAIT (2MSL)</source>
        <translation>TIME_WAIT（2MSL）</translation>
    </message>
    <message>
        <source>RTO floor</source>
        <translation>RTO 下限</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>协议配置</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>rfc (RFC 9293)</source>
        <translation>rfc（RFC 9293）</translation>
    </message>
    <message>
        <source>linux (Linux 6.x)</source>
        <translation>linux（Linux 6.x）</translation>
    </message>
</context>
<context>
    <name>finwave::app::EventLogModel</name>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>端</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>为什么</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>%1 — inferred: %2</source>
        <translation>%1 — 推断:%2</translation>
    </message>
    <message>
        <source>How it ended: %1</source>
        <translation>结束方式：%1</translation>
    </message>
</context>
<context>
    <name>finwave::app::ExportChoicesDialog</name>
    <message>
        <source>Export diagram</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>State graph</source>
        <translation>状态图</translation>
    </message>
    <message>
        <source>Both, side by side</source>
        <translation>两者并排</translation>
    </message>
    <message>
        <source>One column, at a scale</source>
        <translation>单列，按倍数缩放</translation>
    </message>
    <message>
        <source>Fit a 4K slide (3840 × 2160)</source>
        <translation>适配 4K 幻灯片（3840 × 2160）</translation>
    </message>
    <message>
        <source>Fit a Full HD slide (1920 × 1080)</source>
        <translation>适配全高清幻灯片（1920 × 1080）</translation>
    </message>
    <message>
        <source>A long run is cut into columns placed side by side; a PNG is then exactly the slide&apos;s size. An SVG stays one column.</source>
        <translation>较长的运行会被切成并排的多列；PNG 的尺寸正好等于幻灯片尺寸。SVG 始终为单列。</translation>
    </message>
    <message>
        <source>Transparent background (PNG)</source>
        <translation>透明背景（PNG）</translation>
    </message>
    <message>
        <source>Caption with scenario, profile and parameters</source>
        <translation>附说明：场景、配置与参数</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>As the window</source>
        <translation>与窗口相同</translation>
    </message>
    <message>
        <source>The complete run</source>
        <translation>完整的运行</translation>
    </message>
    <message>
        <source>Up to the current step</source>
        <translation>到当前这一步为止</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>frames a second, speed</source>
        <translation>帧/秒，速度</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Frame size</source>
        <translation>帧尺寸</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>GIF (animated)</source>
        <translation>GIF（动画）</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>MP4 视频</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <source>Handout (PDF, a page per step)</source>
        <translation>讲义（PDF，每步一页）</translation>
    </message>
    <message>
        <source>Allow a GIF longer than 30 s</source>
        <translation>允许超过 30 秒的 GIF</translation>
    </message>
    <message>
        <source>English and Chinese in the page</source>
        <translation>网页中包含英文和中文</translation>
    </message>
    <message>
        <source>The animation lasts %1 s.</source>
        <translation>动画时长 %1 秒。</translation>
    </message>
    <message>
        <source>A GIF this long is large: choose fewer steps or a higher speed, or allow it.</source>
        <translation>这么长的 GIF 会很大：请减少步骤或提高速度，或者允许它。</translation>
    </message>
    <message>
        <source>A GIF this long is large: choose MP4 (much smaller), fewer steps or a higher speed, or allow it.</source>
        <translation>这么长的 GIF 会很大：请改用 MP4（小得多）、减少步骤或提高速度，或者允许它。</translation>
    </message>
    <message>
        <source>The first step is after the last.</source>
        <translation>起始步骤在结束步骤之后。</translation>
    </message>
</context>
<context>
    <name>finwave::app::Inspector</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unsent bytes</source>
        <translation>未发送字节</translation>
    </message>
    <message>
        <source>Unread bytes</source>
        <translation>未读取字节</translation>
    </message>
    <message>
        <source>Read by the application</source>
        <translation>应用已读取</translation>
    </message>
    <message>
        <source>Retransmissions of the first segment</source>
        <translation>队首报文段的重传次数</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Retransmission queue</source>
        <translation>重传队列</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1：剩余 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Running timers</source>
        <translation>运行中的定时器</translation>
    </message>
    <message>
        <source>Last segment:</source>
        <translation>最近的报文段：</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <comment>window</comment>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Congestion window</source>
        <translation>拥塞窗口</translation>
    </message>
    <message>
        <source>Slow-start threshold</source>
        <translation>慢启动阈值</translation>
    </message>
    <message>
        <source>has closed its socket</source>
        <translation>已关闭其套接字</translation>
    </message>
    <message>
        <source>in %1() since %2</source>
        <translation>自 %2 起在 %1() 中</translation>
    </message>
    <message>
        <source>not in a call</source>
        <translation>不在调用中</translation>
    </message>
    <message>
        <source>its next call fails with %1</source>
        <translation>它的下一次调用以 %1 失败</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
</context>
<context>
    <name>finwave::app::LabWindow</name>
    <message>
        <source>Server lab: %1</source>
        <translation>服务器实验：%1</translation>
    </message>
    <message>
        <source>Server lab: your settings</source>
        <translation>服务器实验：自定义设置</translation>
    </message>
    <message>
        <source>Choose the settings or a preset and press Run.</source>
        <translation>选择设置或预设，然后按“运行”。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) in %1 simulated s;</source>
        <translation>
            <numerusform>模拟 %1 秒内共 %n 个连接；</numerusform>
        </translation>
    </message>
    <message>
        <source>connect() never failed.</source>
        <translation>connect() 从未失败。</translation>
    </message>
    <message>
        <source>connect() failed %1 times with EADDRNOTAVAIL, first at %2 s.</source>
        <translation>connect() 以 EADDRNOTAVAIL 失败 %1 次，第一次在 %2 秒。</translation>
    </message>
    <message>
        <source>At the end: %1 in TIME_WAIT on the client, %2 on the server, %3 KiB of kernel memory.</source>
        <translation>结束时：客户端 %1 个处于 TIME_WAIT，服务器 %2 个，内核内存 %3 KiB。</translation>
    </message>
    <message>
        <source>Connection %1: the first (without loss every connection runs the same)</source>
        <translation>第 %1 个连接：第一个（没有丢包时每个连接的运行都相同）</translation>
    </message>
    <message>
        <source>Connection %1: takes over a client TIME_WAIT (tcp_tw_reuse)</source>
        <translation>第 %1 个连接：接管客户端的一个 TIME_WAIT（tcp_tw_reuse）</translation>
    </message>
    <message>
        <source>Connection %1: its SYN ends a server TIME_WAIT and opens</source>
        <translation>第 %1 个连接：它的 SYN 结束服务器的一个 TIME_WAIT 并建立连接</translation>
    </message>
    <message>
        <source>Connection %1: closes with the buckets full, so no TIME_WAIT</source>
        <translation>第 %1 个连接：关闭时 TIME_WAIT 桶已满，因此没有 TIME_WAIT</translation>
    </message>
    <message>
        <source>Connection %1: connect() fails with EADDRNOTAVAIL (no run to open)</source>
        <translation>第 %1 个连接：connect() 以 EADDRNOTAVAIL 失败（没有可打开的运行）</translation>
    </message>
    <message>
        <source>Server lab: connection %1</source>
        <translation>服务器实验：第 %1 个连接</translation>
    </message>
    <message>
        <source>Server lab</source>
        <translation>服务器实验</translation>
    </message>
    <message>
        <source>Client closes first, 500/s</source>
        <translation>客户端先关闭，每秒 500 个</translation>
    </message>
    <message>
        <source>Server closes first</source>
        <translation>服务器先关闭</translation>
    </message>
    <message>
        <source>tcp_tw_reuse = 1</source>
        <translation>tcp_tw_reuse = 1</translation>
    </message>
    <message>
        <source>linux (TIME_WAIT 60 s)</source>
        <translation>linux（TIME_WAIT 60 秒）</translation>
    </message>
    <message>
        <source>rfc (TIME_WAIT 240 s)</source>
        <translation>rfc（TIME_WAIT 240 秒）</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>both at once</source>
        <translation>双方同时</translation>
    </message>
    <message>
        <source>the client, SO_LINGER 0</source>
        <translation>客户端，SO_LINGER 0</translation>
    </message>
    <message>
        <source>the server, SO_LINGER 0</source>
        <translation>服务器，SO_LINGER 0</translation>
    </message>
    <message>
        <source>evenly spaced</source>
        <translation>均匀间隔</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>泊松</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0：关闭</translation>
    </message>
    <message>
        <source>1: on</source>
        <translation>1：开启</translation>
    </message>
    <message>
        <source>2: loopback only (off here)</source>
        <translation>2：仅回环（这里相当于关闭）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>协议配置</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Requests per connection</source>
        <translation>每个连接的请求数</translation>
    </message>
    <message>
        <source>Closes first</source>
        <translation>先关闭的一方</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>到达方式</translation>
    </message>
    <message>
        <source>Client addresses</source>
        <translation>客户端地址数</translation>
    </message>
    <message>
        <source>Server addresses</source>
        <translation>服务器地址数</translation>
    </message>
    <message>
        <source>Server ports</source>
        <translation>服务器端口数</translation>
    </message>
    <message>
        <source>Lowest source port</source>
        <translation>最低源端口</translation>
    </message>
    <message>
        <source>Highest source port</source>
        <translation>最高源端口</translation>
    </message>
    <message>
        <source>tcp_tw_reuse</source>
        <translation>tcp_tw_reuse</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>tcp_max_tw_buckets</source>
        <translation>tcp_max_tw_buckets</translation>
    </message>
    <message>
        <source>One-way delay</source>
        <translation>单向时延</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>模拟时间</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open in the main window</source>
        <translation>在主窗口中打开(&amp;O)</translation>
    </message>
    <message>
        <source>Connection </source>
        <translation>连接 </translation>
    </message>
    <message>
        <source>Connection to open</source>
        <translation>要打开的连接</translation>
    </message>
    <message>
        <source>Connections worth opening</source>
        <translation>值得打开的连接</translation>
    </message>
    <message>
        <source>Simulated seconds done</source>
        <translation>已模拟的秒数</translation>
    </message>
    <message>
        <source>The lab itself: engine runs %1, memory %2 KiB, time %3 s.</source>
        <translation>实验本身：引擎运行 %1 次，内存 %2 KiB，用时 %3 秒。</translation>
    </message>
    <message>
        <source>Keep-alive, 10 requests</source>
        <translation>长连接，10 个请求</translation>
    </message>
    <message>
        <source>SO_LINGER 0 (reset)</source>
        <translation>SO_LINGER 0（重置）</translation>
    </message>
    <message>
        <source>Two server addresses</source>
        <translation>两个服务器地址</translation>
    </message>
    <message>
        <source>Bucket overflow (10 000)</source>
        <translation>桶溢出（10 000）</translation>
    </message>
    <message>
        <source>connect() failed %1 times with EADDRNOTAVAIL.</source>
        <translation>connect() 以 EADDRNOTAVAIL 失败 %1 次。</translation>
    </message>
    <message>
        <source>After the restart %1 connections were refused; the server listened again at %2 s.</source>
        <translation>重启后 %1 个连接被拒绝；服务器在 %2 秒重新开始监听。</translation>
    </message>
    <message>
        <source>After the restart %1 connections were refused; the server never listened again.</source>
        <translation>重启后 %1 个连接被拒绝；服务器再也没有开始监听。</translation>
    </message>
    <message>
        <source>Restart without SO_REUSEADDR</source>
        <translation>不带 SO_REUSEADDR 重启</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Server restarts at</source>
        <translation>服务器重启时间</translation>
    </message>
    <message>
        <source>SO_REUSEADDR</source>
        <translation>SO_REUSEADDR</translation>
    </message>
</context>
<context>
    <name>finwave::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export diagram…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy diagram as image</source>
        <translation>复制图为图片(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>前进一步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>减慢(&amp;L)</translation>
    </message>
    <message>
        <source>Sce&amp;narios</source>
        <translation>场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About FinWave</source>
        <translation>关于 FinWave(&amp;A)</translation>
    </message>
    <message>
        <source>FinWave — %1</source>
        <translation>FinWave — %1</translation>
    </message>
    <message>
        <source> · finished: %1</source>
        <translation> · 已结束：%1</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>无法打开场景</translation>
    </message>
    <message>
        <source>The scenario was not loaded; the current one stays.

%1</source>
        <translation>场景没有加载，当前场景保持不变。

%1</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>FinWave scenarios (*.json);;All files (*)</source>
        <translation>FinWave 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>FinWave scenarios (*.json)</source>
        <translation>FinWave 场景 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>无法保存场景</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About FinWave</source>
        <translation>关于 FinWave</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FinWave %1&lt;/h3&gt;&lt;p&gt;How a TCP connection closes, step by step: the close protocol of RFC 9293 run by two simulated endpoints, with the Linux profile beside it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FinWave %1&lt;/h3&gt;&lt;p&gt;一步一步看 TCP 连接如何关闭：两个模拟端点运行 RFC 9293 的关闭协议，并可与 Linux 的行为对照。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Charts in a large &amp;window</source>
        <translation>在大窗口中显示图表(&amp;W)</translation>
    </message>
    <message>
        <source>Drop &amp;A&apos;s next segment</source>
        <translation>丢弃 A 的下一个报文段(&amp;A)</translation>
    </message>
    <message>
        <source>Drop &amp;B&apos;s next segment</source>
        <translation>丢弃 B 的下一个报文段(&amp;B)</translation>
    </message>
    <message>
        <source>%1 · profile %2 · step %3 · t = %4</source>
        <translation>%1 · 配置 %2 · 第 %3 步 · t = %4</translation>
    </message>
    <message>
        <source>Save run as scenario</source>
        <translation>将运行另存为场景</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This run has drops, changes or notes that are not saved.</source>
        <translation>这次运行有尚未保存的丢弃、更改或注释。</translation>
    </message>
    <message>
        <source>Save them as a scenario first?</source>
        <translation>先把它们保存为场景吗？</translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation>%1 / %2：%3</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>The lesson was not opened; the current scenario stays.

%1</source>
        <translation>课程未打开；保留当前场景。

%1</translation>
    </message>
    <message>
        <source>%1: none of its scenarios could be opened.
%2</source>
        <translation>%1：其中没有一个场景能打开。
%2</translation>
    </message>
    <message>
        <source>These scenarios of the lesson could not be opened and are left out:
%1</source>
        <translation>课程中的这些场景无法打开，已略去：
%1</translation>
    </message>
    <message>
        <source>Lesson opened without some scenarios</source>
        <translation>课程已打开，但缺少部分场景</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>FinWave lessons (*.json);;All files (*)</source>
        <translation>FinWave 课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Why TIME_WAIT exists</source>
        <translation>为什么需要 TIME_WAIT</translation>
    </message>
    <message>
        <source>&amp;Save run</source>
        <translation>保存运行(&amp;S)</translation>
    </message>
    <message>
        <source>Save run &amp;as scenario…</source>
        <translation>将运行另存为场景(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Note on this step…</source>
        <translation>为此步写注释(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Example lesson: %1</source>
        <translation>示例课程：%1</translation>
    </message>
    <message>
        <source>&amp;Previous scenario of the lesson</source>
        <translation>课程的上一个场景(&amp;P)</translation>
    </message>
    <message>
        <source>%1 · step %2 · t = %3 · %4</source>
        <translation>%1 · 第 %2 步 · t = %3 · %4</translation>
    </message>
    <message>
        <source>&amp;Edit scenario…</source>
        <translation>编辑场景(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New scenario</source>
        <translation>新建场景(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;capture…</source>
        <translation>打开抓包文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quiz: predict each step</source>
        <translation>测验：预测每一步(&amp;Q)</translation>
    </message>
    <message>
        <source>Quiz: closing states</source>
        <translation>测验：关闭状态</translation>
    </message>
    <message>
        <source>Quiz: when things go wrong</source>
        <translation>测验：出错的时候</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 未写入：%2</translation>
    </message>
    <message>
        <source>Whole state &amp;diagram (all eleven states)</source>
        <translation>完整状态图（全部十一个状态）(&amp;D)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>抓包</translation>
    </message>
    <message>
        <source>Packet details</source>
        <translation>报文详情</translation>
    </message>
    <message>
        <source>Step &amp;caption (always in projector mode)</source>
        <translation>步骤说明(&amp;C)（投影模式下始终显示）</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Double-click a row</source>
        <translation>双击一行</translation>
    </message>
    <message>
        <source>write a note on this step</source>
        <translation>为这一步写注释</translation>
    </message>
    <message>
        <source>Click a segment in flight</source>
        <translation>点击传输中的报文段</translation>
    </message>
    <message>
        <source>drop it where it is (right-click: a menu)</source>
        <translation>就地丢弃它（右键：菜单）</translation>
    </message>
    <message>
        <source>Click another segment</source>
        <translation>点击其他报文段</translation>
    </message>
    <message>
        <source>its packet details</source>
        <translation>查看其报文详情</translation>
    </message>
    <message>
        <source>1 – 4, H, Enter</source>
        <translation>1 – 4、H、Enter</translation>
    </message>
    <message>
        <source>in a quiz: answer, hint (half a point), next</source>
        <translation>测验中：作答、提示（扣半分）、下一题</translation>
    </message>
    <message>
        <source>The file was not written: %1</source>
        <translation>文件未写入：%1</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>TCP state graph</source>
        <translation>TCP 状态图</translation>
    </message>
    <message>
        <source>A in %1, B in %2</source>
        <translation>A 处于 %1，B 处于 %2</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>最近的文件(&amp;F)</translation>
    </message>
    <message>
        <source>Ne&amp;xt scenario of the lesson</source>
        <translation>课程的下一个场景(&amp;X)</translation>
    </message>
    <message>
        <source>Export cap&amp;ture…</source>
        <translation>导出抓包文件(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Step bac&amp;k</source>
        <translation>后退一步(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Class results…</source>
        <translation>全班成绩(&amp;C)…</translation>
    </message>
    <message>
        <source>Ser&amp;ver lab…</source>
        <translation>服务器实验(&amp;V)…</translation>
    </message>
    <message>
        <source>Co&amp;mpare with another run…</source>
        <translation>与另一次运行比较(&amp;M)…</translation>
    </message>
    <message>
        <source>Compare runs a scenario: open one (a capture can be compared from the command line).</source>
        <translation>比较需要一个场景：请先打开场景（抓包文件可以在命令行中比较）。</translation>
    </message>
</context>
<context>
    <name>finwave::app::PacketDetails</name>
    <message>
        <source>%1 (relative %2)</source>
        <translation>%1（相对值 %2）</translation>
    </message>
    <message>
        <source>%1 (absolute %2)</source>
        <translation>%1（绝对值 %2）</translation>
    </message>
    <message>
        <source>Absolute sequence numbers</source>
        <translation>绝对序号</translation>
    </message>
    <message>
        <source>Click a segment&apos;s arrow in the diagram, or a row of the event log, to see every field of its header.</source>
        <translation>点击图中报文段的箭头，或事件日志中的一行，查看其首部的每个字段。</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>set</source>
        <translation>置位</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未置位</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Next sequence number</source>
        <translation>下一个序号</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>not set (no ACK flag)</source>
        <translation>无（没有 ACK 标志）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Segment length (SEG.LEN)</source>
        <translation>报文段长度（SEG.LEN）</translation>
    </message>
    <message>
        <source>%1: the data, plus one for a SYN and one for a FIN (RFC 9293 §3.4)</source>
        <translation>%1：数据长度，SYN 和 FIN 各加一（RFC 9293 §3.4）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>retransmission #%1</source>
        <translation>第 %1 次重传</translation>
    </message>
    <message>
        <source>first transmission</source>
        <translation>首次发送</translation>
    </message>
    <message>
        <source>Why it was sent</source>
        <translation>发送原因</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>In the capture</source>
        <translation>在抓包中</translation>
    </message>
    <message>
        <source>packet %1 of the file</source>
        <translation>文件中的第 %1 个包</translation>
    </message>
    <message>
        <source>not in the file: %1</source>
        <translation>不在文件中：%1</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>报文段</translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <translation>%1 → %2 · %3</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>by %1 at %2, in %3</source>
        <translation>由 %1 在 %2 发送，当时处于 %3</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>在途中</translation>
    </message>
    <message>
        <source>an old copy of it reached %1 at %2</source>
        <translation>它的一个旧副本在 %2 到达 %1</translation>
    </message>
    <message>
        <source>reached %1 at %2</source>
        <translation>在 %2 到达 %1</translation>
    </message>
    <message>
        <source>lost at %1: %2</source>
        <translation>在 %1 丢失：%2</translation>
    </message>
    <message>
        <source>What became of it</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 (the scale is not known: the capture lacks a SYN)</source>
        <translation>%1（缩放因子未知：抓包中缺少 SYN）</translation>
    </message>
    <message>
        <source>%1 bytes, not scaled</source>
        <translation>%1 字节，未缩放</translation>
    </message>
    <message>
        <source>%1 × %2 = %3 bytes (window scale %4, RFC 7323 §2.3)</source>
        <translation>%1 × %2 = %3 字节（窗口缩放 %4，RFC 7323 §2.3）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Maximum segment size</source>
        <translation>最大报文段长度</translation>
    </message>
    <message>
        <source>%1 bytes (RFC 9293 §3.7.1)</source>
        <translation>%1 字节（RFC 9293 §3.7.1）</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>允许 SACK</translation>
    </message>
    <message>
        <source>offered (RFC 2018 §2)</source>
        <translation>已提供（RFC 2018 §2）</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>TSval %1, TSecr %2 (RFC 7323 §3)</source>
        <translation>TSval %1，TSecr %2（RFC 7323 §3）</translation>
    </message>
    <message>
        <source>Window scale</source>
        <translation>窗口缩放</translation>
    </message>
    <message>
        <source>shift %1, × %2 (RFC 7323 §2)</source>
        <translation>移位 %1，× %2（RFC 7323 §2）</translation>
    </message>
    <message>
        <source>D-SACK block</source>
        <translation>D-SACK 块</translation>
    </message>
    <message>
        <source>SACK block</source>
        <translation>SACK 块</translation>
    </message>
    <message>
        <source>%1–%2: a duplicate arrived (RFC 2883)</source>
        <translation>%1–%2：收到了重复的数据（RFC 2883）</translation>
    </message>
    <message>
        <source>%1–%2 (RFC 2018 §3)</source>
        <translation>%1–%2（RFC 2018 §3）</translation>
    </message>
</context>
<context>
    <name>finwave::app::PlaybackBar</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>t = %1 · step %2 · A %3 · B %4</source>
        <translation>t = %1 · 第 %2 步 · A %3 · B %4</translation>
    </message>
    <message>
        <source>Reset (Home)</source>
        <translation>重置（Home）</translation>
    </message>
    <message>
        <source>Step back (Left)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step (Right)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Drop A&apos;s next</source>
        <translation>丢弃 A 的下一个</translation>
    </message>
    <message>
        <source>Drop A&apos;s segment in flight, or the next one A sends (D)</source>
        <translation>丢弃 A 飞行中的报文段，或 A 发出的下一个（D）</translation>
    </message>
    <message>
        <source>Drop B&apos;s next</source>
        <translation>丢弃 B 的下一个</translation>
    </message>
    <message>
        <source>Drop B&apos;s segment in flight, or the next one B sends (Shift+D)</source>
        <translation>丢弃 B 飞行中的报文段，或 B 发出的下一个（Shift+D）</translation>
    </message>
    <message>
        <source>Space play · ← → step · Home reset · D / Shift+D drop · F11 leave</source>
        <translation>空格 播放 · ← → 单步 · Home 重置 · D / Shift+D 丢弃 · F11 退出</translation>
    </message>
    <message>
        <source>A&apos;s next: lost</source>
        <translation>A 的下一个：丢弃</translation>
    </message>
    <message>
        <source>B&apos;s next: lost</source>
        <translation>B 的下一个：丢弃</translation>
    </message>
</context>
<context>
    <name>finwave::app::QuizPanel</name>
    <message>
        <source>Hint (H, costs ½ point)</source>
        <translation>提示（H，扣 ½ 分）</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>下一题 (Enter)</translation>
    </message>
    <message>
        <source>End quiz (Q)</source>
        <translation>结束测验 (Q)</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再来一次</translation>
    </message>
    <message>
        <source>Export scores as CSV…</source>
        <translation>将成绩导出为 CSV…</translation>
    </message>
    <message>
        <source>Questions missed (click one to go to its step):</source>
        <translation>答错的题目（点击一题即可跳到它的那一步）：</translation>
    </message>
    <message>
        <source>Quiz on %1</source>
        <translation>测验：%1</translation>
    </message>
    <message>
        <source>No question before the next step: press Enter to go on to the next question.</source>
        <translation>下一步之前没有题目：按 Enter 前往下一题。</translation>
    </message>
    <message>
        <source>Question %1 · step %2 · %3</source>
        <translation>第 %1 题 · 第 %2 步 · %3</translation>
    </message>
    <message>
        <source>Hint: the choices struck out are wrong.</source>
        <translation>提示：被划掉的选项是错的。</translation>
    </message>
    <message>
        <source>Run finished: %1 (run %2 of %3)</source>
        <translation>本轮结束：%1（第 %2 轮，共 %3 轮）</translation>
    </message>
    <message>
        <source>Right %1 · wrong %2 · hints %3 · %4 of %5 points · best streak %6 · best so far %7</source>
        <translation>答对 %1 · 答错 %2 · 提示 %3 · 得分 %4 / %5 · 最长连对 %6 · 历史最佳 %7</translation>
    </message>
    <message>
        <source>Step %1 · %2: you chose %3; the answer was %4</source>
        <translation>第 %1 步 · %2：你选了 %3；正确答案是 %4</translation>
    </message>
    <message>
        <source>None: every answer was right.</source>
        <translation>没有：每题都答对了。</translation>
    </message>
    <message>
        <source>Next run: %1 (Enter)</source>
        <translation>下一轮：%1 (Enter)</translation>
    </message>
    <message>
        <source>Export quiz scores</source>
        <translation>导出测验成绩</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export scores</source>
        <translation>无法导出成绩</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Quiz over after %1 questions: %2 (run %3 of %4)</source>
        <translation>测验在 %1 道题后结束：%2（第 %3 次运行，共 %4 次）</translation>
    </message>
    <message>
        <source>Save for the teacher…</source>
        <translation>保存给老师…</translation>
    </message>
    <message>
        <source>Save for the teacher</source>
        <translation>保存给老师</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的名字：</translation>
    </message>
    <message>
        <source>FinWave quiz attempts (*.json)</source>
        <translation>FinWave 测验作答 (*.json)</translation>
    </message>
</context>
<context>
    <name>finwave::app::ScenarioEditor</name>
    <message>
        <source>Add ac&amp;tion</source>
        <translation>添加动作(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;fault</source>
        <translation>添加故障(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>添加一项</translation>
    </message>
    <message>
        <source>Remove an entry</source>
        <translation>删除一项</translation>
    </message>
    <message>
        <source>Move an entry</source>
        <translation>移动一项</translation>
    </message>
    <message>
        <source>Application &amp;actions, in the order they are scripted:</source>
        <translation>应用程序动作（按脚本顺序）(&amp;A)：</translation>
    </message>
    <message>
        <source>Selected action</source>
        <translation>所选动作</translation>
    </message>
    <message>
        <source>Endpo&amp;int:</source>
        <translation>端点(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Does:</source>
        <translation>执行(&amp;D)：</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>时机(&amp;H)：</translation>
    </message>
    <message>
        <source>De&amp;lay after the trigger (ms):</source>
        <translation>触发后的延迟（毫秒）(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Bytes (send):</source>
        <translation>字节数（发送）(&amp;B)：</translation>
    </message>
    <message>
        <source>Its &amp;own ISS (a connect that opens a new incarnation):</source>
        <translation>使用自己的 ISS（开启新化身的连接）(&amp;O)：</translation>
    </message>
    <message>
        <source>I&amp;SS:</source>
        <translation>ISS(&amp;S)：</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Faults, decided when a segment is &amp;sent:</source>
        <translation>故障（在报文段发送时判定）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Type of fault:</source>
        <translation>故障类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Di&amp;rection:</source>
        <translation>方向(&amp;R)：</translation>
    </message>
    <message>
        <source>Nt&amp;h segment of the direction (1 = first):</source>
        <translation>该方向的第 N 个报文段（1 = 第一个）(&amp;H)：</translation>
    </message>
    <message>
        <source>Flags the segment carries:</source>
        <translation>报文段携带的标志：</translation>
    </message>
    <message>
        <source>E&amp;xactly these flags</source>
        <translation>恰好是这些标志(&amp;X)</translation>
    </message>
    <message>
        <source>How many such segments in a row:</source>
        <translation>连续多少个这样的报文段：</translation>
    </message>
    <message>
        <source>The duplicate comes later &amp;by (ms):</source>
        <translation>重复报文段晚到（毫秒）(&amp;B)：</translation>
    </message>
    <message>
        <source>The forged RST arrives at (ms):</source>
        <translation>伪造的 RST 到达时间（毫秒）：</translation>
    </message>
    <message>
        <source>Its SEG.SE&amp;Q minus RCV.NXT:</source>
        <translation>其 SEG.SEQ 减 RCV.NXT(&amp;Q)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Seed of the random loss and jitter:</source>
        <translation>随机丢包与抖动的种子(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Horizon: no event after (ms):</source>
        <translation>时限：此后不再有事件（毫秒）(&amp;H)：</translation>
    </message>
    <message>
        <source>The name is the file&apos;s short name; the title shows in menus, the description under the diagram.</source>
        <translation>名称是文件的短名；标题显示在菜单中，描述显示在图下方。</translation>
    </message>
    <message>
        <source>Endpoint A</source>
        <translation>端点 A</translation>
    </message>
    <message>
        <source>Endpoint B</source>
        <translation>端点 B</translation>
    </message>
    <message>
        <source>&amp;Initial state:</source>
        <translation>初始状态(&amp;I)：</translation>
    </message>
    <message>
        <source>I&amp;SS (initial sequence number):</source>
        <translation>ISS（初始序列号）(&amp;S)：</translation>
    </message>
    <message>
        <source>Bytes sent and ACKed &amp;before the run:</source>
        <translation>运行前已发送并被确认的字节数(&amp;B)：</translation>
    </message>
    <message>
        <source>The application &amp;reads data as it arrives (else leaves it unread)</source>
        <translation>应用程序在数据到达时读取（否则不读取）(&amp;R)</translation>
    </message>
    <message>
        <source>SO_LINGER &amp;0: close() aborts with RST</source>
        <translation>SO_LINGER 0：close() 以 RST 中止(&amp;0)</translation>
    </message>
    <message>
        <source>TCP_LINGER2 &lt; 0: an orphan resets instead of FIN_&amp;WAIT_2 (Linux)</source>
        <translation>TCP_LINGER2 &lt; 0：孤儿连接直接复位而不进入 FIN_WAIT_2（Linux）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Listens again when a connection ends (a server)</source>
        <translation>连接结束后重新监听（服务器）(&amp;L)</translation>
    </message>
    <message>
        <source>Channel A → B</source>
        <translation>信道 A → B</translation>
    </message>
    <message>
        <source>Channel B → A</source>
        <translation>信道 B → A</translation>
    </message>
    <message>
        <source>&amp;Delay (ms):</source>
        <translation>延迟（毫秒）(&amp;D)：</translation>
    </message>
    <message>
        <source>Del&amp;ay (ms):</source>
        <translation>延迟（毫秒）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Jitter (ms):</source>
        <translation>抖动（毫秒）(&amp;J)：</translation>
    </message>
    <message>
        <source>J&amp;itter (ms):</source>
        <translation>抖动（毫秒）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Loss (0 to 1):</source>
        <translation>丢包率（0 到 1）(&amp;L)：</translation>
    </message>
    <message>
        <source>L&amp;oss (0 to 1):</source>
        <translation>丢包率（0 到 1）(&amp;O)：</translation>
    </message>
    <message>
        <source>MSL, maximum segment lifetime (ms):</source>
        <translation>MSL，报文段最大生存时间（毫秒）：</translation>
    </message>
    <message>
        <source>TIME_WAIT length (ms):</source>
        <translation>TIME_WAIT 时长（毫秒）：</translation>
    </message>
    <message>
        <source>Initial RTO (ms):</source>
        <translation>初始 RTO（毫秒）：</translation>
    </message>
    <message>
        <source>Minimum RTO (ms):</source>
        <translation>最小 RTO（毫秒）：</translation>
    </message>
    <message>
        <source>Maximum RTO (ms):</source>
        <translation>最大 RTO（毫秒）：</translation>
    </message>
    <message>
        <source>Retransmissions before giving up:</source>
        <translation>放弃前的重传次数：</translation>
    </message>
    <message>
        <source>Give up after (ms, 0 = count only):</source>
        <translation>放弃前的时长（毫秒，0 = 只计次数）：</translation>
    </message>
    <message>
        <source>Delayed ACK</source>
        <translation>延迟 ACK</translation>
    </message>
    <message>
        <source>Delayed ACK timeout (ms):</source>
        <translation>延迟 ACK 超时（毫秒）：</translation>
    </message>
    <message>
        <source>Quick ACKs (Linux):</source>
        <translation>快速 ACK（Linux）：</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 timeout (ms, 0 = none):</source>
        <translation>FIN_WAIT_2 超时（毫秒，0 = 无）：</translation>
    </message>
    <message>
        <source>User timeout (ms, 0 = none):</source>
        <translation>用户超时（毫秒，0 = 无）：</translation>
    </message>
    <message>
        <source>Orphan retries (Linux):</source>
        <translation>孤儿套接字重试次数（Linux）：</translation>
    </message>
    <message>
        <source>Ignore RST in TIME_WAIT (RFC 1337)</source>
        <translation>在 TIME_WAIT 中忽略 RST（RFC 1337）</translation>
    </message>
    <message>
        <source>An abort&apos;s RST carries ACK</source>
        <translation>中止时的 RST 携带 ACK</translation>
    </message>
    <message>
        <source>Any ACK restarts TIME_WAIT (Linux)</source>
        <translation>任何 ACK 都重启 TIME_WAIT（Linux）</translation>
    </message>
    <message>
        <source>MSS, bytes per data segment:</source>
        <translation>MSS，每个数据报文段的字节数：</translation>
    </message>
    <message>
        <source>Pro&amp;file:</source>
        <translation>配置(&amp;F)：</translation>
    </message>
    <message>
        <source>Bold: the scenario overrides the profile&apos;s value; ↺ sets it back.</source>
        <translation>粗体：场景覆盖了配置的值；↺ 恢复为配置值。</translation>
    </message>
    <message>
        <source>Reset %1 to the profile&apos;s value</source>
        <translation>将 %1 恢复为配置值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Set back to the %1 profile&apos;s value, %2</source>
        <translation>恢复为 %1 配置的值 %2</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos;: %2</source>
        <translation>字段“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) hold a value the scenario file reader would refuse; Apply is off until they are corrected.</source>
        <translation>
            <numerusform>%n 个字段的值会被场景文件读取器拒绝；改正之前无法应用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled scenario</source>
        <translation>未命名场景</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Scenario editor[*]</source>
        <translation>场景编辑器[*]</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>E&amp;ndpoints</source>
        <translation>端点(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;ctions</source>
        <translation>动作(&amp;C)</translation>
    </message>
    <message>
        <source>Networ&amp;k and faults</source>
        <translation>网络与故障(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Protocol</source>
        <translation>协议(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Appl&amp;y and reset</source>
        <translation>应用并重置(&amp;Y)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Endpoint A: %1</source>
        <translation>端点 A：%1</translation>
    </message>
    <message>
        <source>Endpoint B: %1</source>
        <translation>端点 B：%1</translation>
    </message>
    <message>
        <source>Offers &amp;SACK in its SYN (RFC 2018; in use when both do)</source>
        <translation>在 SYN 中提供 &amp;SACK（RFC 2018；双方都提供时才启用）</translation>
    </message>
    <message>
        <source>Offers &amp;timestamps in its SYN (RFC 7323; in use when both do)</source>
        <translation>在 SYN 中提供&amp;时间戳（RFC 7323；双方都提供时才启用）</translation>
    </message>
</context>
<context>
    <name>finwave::app::SequenceScene</name>
    <message>
        <source>profile %1 · delay %2 / %3 ms · loss %4 % / %5 %</source>
        <translation>配置 %1 · 时延 %2 / %3 毫秒 · 丢包 %4 % / %5 %</translation>
    </message>
    <message>
        <source>old duplicate: %1</source>
        <translation>旧的重复报文：%1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>… %1 later …</source>
        <translation>… %1 之后 …</translation>
    </message>
    <message>
        <source>fires in %1</source>
        <translation>%1 后到期</translation>
    </message>
    <message>
        <source>from here: %1</source>
        <translation>从这里起：%1</translation>
    </message>
    <message>
        <source>old duplicate taken as new data: %1</source>
        <translation>旧的重复报文被当作新数据：%1</translation>
    </message>
    <message>
        <source>%1: a new connection on the same ports begins</source>
        <translation>%1：同一端口上的新连接开始</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>重启：%1</translation>
    </message>
    <message>
        <source>captured · round trip %1 ms</source>
        <translation>抓包 · 往返时间 %1 毫秒</translation>
    </message>
    <message>
        <source>A %1 · B %2 · captured at %3 · round trip %4 ms</source>
        <translation>A %1 · B %2 · 在 %3 端抓包 · 往返时间 %4 毫秒</translation>
    </message>
    <message>
        <source>Δt %1</source>
        <translation>Δt %1</translation>
    </message>
    <message>
        <source>first difference</source>
        <translation>第一处不同</translation>
    </message>
</context>
<context>
    <name>finwave::app::SequenceView</name>
    <message>
        <source>Drop this segment</source>
        <translation>丢弃这个报文段</translation>
    </message>
    <message>
        <source>Packet details</source>
        <translation>报文详情</translation>
    </message>
</context>
<context>
    <name>finwave::app::SimController</name>
    <message>
        <source>%1: A %2, B %3</source>
        <translation>%1:A %2,B %3</translation>
    </message>
</context>
<context>
    <name>finwave::app::StepCaptionBar</name>
    <message>
        <source>Lesson: %1 · scenario %2 of %3</source>
        <translation>课程：%1 · 第 %2 个场景，共 %3 个</translation>
    </message>
</context>
</TS>
