CheckDocLinksCommand.main()
