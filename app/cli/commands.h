#pragma once
// The commands that need no display (trace, import, export, experiment, lab, --help, --version,
// --list-scenarios), each run from its options as core/options read them.

#include "core/options/command_line.h"

namespace finwave::app {

int runTrace(const options::TraceOptions& options);            // trace_command.cpp
int runImport(const options::ImportOptions& options);          // import_command.cpp
int runExport(const options::ExportOptions& options, char* program);          // export_command.cpp
int runExportCompare(const options::ExportOptions& options, char* program);   // export_compare.cpp (--compare)
int runExperiment(const options::ExperimentOptions& options, char* program);  // experiment_command.cpp
int runLab(const options::LabOptions& options, char* program);                // lab_command.cpp
int runCompare(const options::CompareOptions& options);                       // compare_command.cpp
void printHelp();
void printVersion();
void printScenarios();

}  // namespace finwave::app
