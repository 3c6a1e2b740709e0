# an uncaught exception raised from another one
class ParseError(ValueError):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"cannot parse {text!r}") from e

print(parse("12"))
print(parse("twelve"))
