CompareBenchmarksCommand.main()
