text = """the cat sat on the mat
the dog sat on the log
a cat and a dog"""
freq = {}
for line in text.split("\n"):
    for word in line.split():
        freq[word] = freq.get(word, 0) + 1
words = list(freq.keys())
words = sorted(words)
for w in words:
    print(w, freq[w])
top = None
for w in freq:
    if top is None or freq[w] > freq[top]:
        top = w
print("top:", top, freq[top])
