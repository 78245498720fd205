// Placeholder until issue 3 lands: the tool is not implemented yet, so it says so and fails.
import ChecksCLI
import DocChecks
FileHandleErrorPrinter.notImplemented("verify-doc-index")
