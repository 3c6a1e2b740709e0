# custom exception hierarchies with extra fields, str/repr, catching by base
class AppError(Exception):
    """Base of the app's errors."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

class NotFound(AppError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"no such key {self.key!r}"

class RetryableError(AppError):
    def __init__(self, msg, attempts=3):
        super().__init__(msg, attempts)
        self.attempts = attempts

def check(n):
    if n < 0:
        raise ValidationError("n", "must be positive")
    if n == 0:
        raise NotFound(n)
    if n > 100:
        raise RetryableError("too big", attempts=n // 100)
    return n

for n in [5, -1, 0, 250]:
    try:
        print("ok", check(n))
    except ValidationError as e:
        print("validation", e.field, e.message, str(e), repr(e), e.args)
    except AppError as e:
        print(type(e).__name__, str(e), repr(e), e.args, getattr(e, "attempts", None))
print(issubclass(ValidationError, AppError), issubclass(AppError, Exception), issubclass(NotFound, ValidationError))
print(isinstance(NotFound(1), (KeyError, AppError)), AppError.__doc__)
print(AppError.__mro__ if False else [c.__name__ for c in RetryableError.__mro__])
try:
    raise AppError
except AppError as e:
    print(repr(e), str(e) == "", e.args)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault()
except WithDefault as e:
    print(e)
e = ValueError("a", 2)
print(e, repr(e), e.args, str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
