# Hello, world in mini-Python: jitc --backend armv7 examples/hello.py
print("Hello, world!")
