s = "Hello, World"
print(s, len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1])
print(s.upper(), s.lower(), s.find("World"), s.replace("l", "L"))
print("a" + "b" * 3, "-" * 10, "abc" < "abd", "abc" == "abc", "b" > "abc")
print("lo" in s, "xyz" not in s, s.startswith("Hell"), s.endswith("d"))
words = "the quick  brown fox".split()
print(words, ",".join(words), len(words))
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), str(42) + "!")
print(ord("A"), chr(97), chr(0x263A), ord("\u00e9"))
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count, "mississippi".count("ss"))
print("%d" if False else "done")
