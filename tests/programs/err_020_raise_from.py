# raise ... from ...: "The above exception was the direct cause".
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError("port must be a number") from e

print(parse_port("80"))
parse_port("http")
