import ChecksCore
