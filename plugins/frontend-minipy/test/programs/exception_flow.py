# How exceptions travel: finally blocks that always run, handlers chosen by the class
# hierarchy, re-raising, exceptions from nested calls, and else clauses.
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class NetworkError(AppError):
    pass


class TimeoutError_(NetworkError):
    pass


trace = []


def fetch(url, attempt):
    trace.append(f"fetch {url} #{attempt}")
    if url.startswith("slow") and attempt < 2:
        raise TimeoutError_(504, f"{url} timed out")
    if url.startswith("bad"):
        raise NetworkError(502, f"bad gateway for {url}")
    if url == "":
        raise ValueError("empty url")
    return f"<{url}>"


def with_retries(url, tries=3):
    for attempt in range(tries):
        try:
            return fetch(url, attempt)
        except TimeoutError_ as e:
            trace.append(f"retry after {e.code}")
        finally:
            trace.append("cleanup")
    raise AppError(500, f"gave up on {url}")


def handle(url):
    try:
        body = with_retries(url)
    except NetworkError as e:
        return f"network error {e.code}: {e}"
    except AppError as e:
        return f"app error {e.code}: {e}"
    except Exception as e:
        return f"other {e!r}"
    else:
        return f"ok {body}"
    finally:
        trace.append(f"handled {url!r}")


for url in ["fast.example", "slow.example", "bad.example", ""]:
    print(handle(url))
print("\n".join(trace))


def reraise(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        print("logging division by zero, then re-raising")
        raise


for n in [5, 0]:
    try:
        print("result", reraise(n))
    except ArithmeticError as e:
        print("caught at top: ZeroDivisionError", e)


def finally_wins():
    try:
        return "from try"
    finally:
        print("finally runs before the return")


print(finally_wins())
errors = [KeyError("k"), IndexError("i"), TimeoutError_(1, "t"), AppError(2, "a")]
print([isinstance(e, LookupError) for e in errors], [isinstance(e, NetworkError) for e in errors])
print([str(e) for e in errors], [e.args for e in errors])
