# Morse code: encoding, decoding with error reports, and letter frequencies of messages.
CODE = {"A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.", "H": "....",
        "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.", "O": "---", "P": ".--.",
        "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-", "V": "...-", "W": ".--", "X": "-..-",
        "Y": "-.--", "Z": "--..", "0": "-----", "1": ".----", "2": "..---", "3": "...--", "4": "....-",
        "5": ".....", "6": "-....", "7": "--...", "8": "---..", "9": "----."}
BACK = {v: k for k, v in CODE.items()}


def encode(text):
    words = []
    for word in text.upper().split():
        letters = []
        for ch in word:
            if ch not in CODE:
                raise ValueError(f"cannot encode {ch!r}")
            letters.append(CODE[ch])
        words.append(" ".join(letters))
    return " / ".join(words)


def decode(signal):
    out = []
    for word in signal.split(" / "):
        try:
            out.append("".join(BACK[sym] for sym in word.split()))
        except KeyError as e:
            raise ValueError(f"unknown symbol {e}")
    return " ".join(out)


for msg in ["SOS", "Hello World", "jitc 2026", "what?"]:
    try:
        enc = encode(msg)
        print(f"{msg!r:14} -> {enc}")
        print(f"{'':14}    {decode(enc)!r}")
    except ValueError as e:
        print(f"{msg!r:14} !! {e}")
try:
    print(decode("... --- ...... / -.-."))
except ValueError as e:
    print("ValueError:", e)
lengths = sorted(CODE.items(), key=lambda kv: (len(kv[1]), kv[0]))
print("shortest:", [k for k, v in lengths[:6]], "longest:", [k for k, v in lengths[-5:]])
dots = sum(v.count(".") for v in CODE.values())
dashes = sum(v.count("-") for v in CODE.values())
print(f"dots {dots}, dashes {dashes}, ratio {dots / dashes:.4f}")
