CheckDocRefsCommand.main()
