"""Sample package for check-coverage fixtures."""
