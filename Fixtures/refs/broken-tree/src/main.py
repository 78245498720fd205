print("hi")
print("bye")
