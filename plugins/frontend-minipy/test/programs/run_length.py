# Run-length encoding, Caesar and Vigenere ciphers, and a checksum, all on strings.
def rle_encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)


def rle_decode(s):
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


def caesar(text, shift):
    result = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            result.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            result.append(ch)
    return "".join(result)


def vigenere(text, key, decrypt=False):
    out = []
    k = 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            out.append(caesar(ch, -shift if decrypt else shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def adler32(s):
    a, b = 1, 0
    for ch in s:
        a = (a + ord(ch)) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "", "aaaaaaaaaaaa"]:
    enc = rle_encode(s)
    assert rle_decode(enc) == s
    print(f"{len(s):3d} -> {len(enc):3d}: {enc}")
msg = "Attack at dawn, 5 o'clock!"
for shift in [1, 13, 25, -3]:
    enc = caesar(msg, shift)
    print(f"{shift:>3}: {enc} | back: {caesar(enc, -shift) == msg}")
enc = vigenere(msg, "LEMON")
print(enc, "|", vigenere(enc, "LEMON", decrypt=True))
for s in ["Wikipedia", msg, ""]:
    print(f"adler32({s!r}) = {adler32(s):#010x} {adler32(s)}")
