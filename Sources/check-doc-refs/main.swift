import ChecksCLI

// First, before parsing: SIGINT and SIGTERM exit 130 and 143 and leave no temporary file behind.
Interrupts.install()
CheckDocRefsCommand.main()
