# A JSON-style serializer and pretty printer over nested dicts and lists, dispatching on
# isinstance, escaping strings, and rejecting values JSON has no form for.
class EncodeError(TypeError):
    pass


def quote(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ord(ch) < 32:
            out += "\\u" + format(ord(ch), "04x")
        else:
            out += ch
    return out + '"'


def encode(v, indent=0, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    sep = ",\n" if indent else ", "
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            raise EncodeError(f"{v!r} is not JSON")
        return repr(v)
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        items = [pad + encode(x, indent, level + 1) for x in v] if indent else [encode(x) for x in v]
        return "[\n" + sep.join(items) + "\n" + end + "]" if indent else "[" + sep.join(items) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        for k in v:
            if not isinstance(k, str):
                raise EncodeError(f"keys must be str, not {k!r}")
        items = [quote(k) + ": " + encode(x, indent, level + 1) for k, x in v.items()]
        if indent:
            return "{\n" + sep.join(pad + i for i in items) + "\n" + end + "}"
        return "{" + sep.join(items) + "}"
    raise EncodeError("cannot encode this value")


doc = {"name": "jitc", "version": [0, 1], "tags": ["jit", "compiler", 'say "hi"'], "ratio": 0.75,
       "nested": {"ok": True, "none": None, "empty": [], "deep": {"x": [1, [2, [3, {}]]]}},
       "text": "line1\nline2\ttab\\"}
print(encode(doc))
print(encode(doc, indent=2))
for bad in [{1: "x"}, [1.0, float("nan")], {"f": float("inf")}, (1, 2), {"a": [1, {"b": {2: 3}}]}]:
    try:
        print(encode(bad))
    except EncodeError as e:
        print("EncodeError:", e)
print(len(encode(doc)), encode([10**20, -0.0, 1e-7, 1e22, True, "é"]))
