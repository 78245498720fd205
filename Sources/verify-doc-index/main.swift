VerifyDocIndexCommand.main()
