CheckCoverageCommand.main()
