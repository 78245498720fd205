import ArgumentParser
import ChecksCLI
import DocChecks
print("hi")
