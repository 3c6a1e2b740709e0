# reprlib: reprs with size limits, as CPython 3.11's module documents them
# (https://docs.python.org/3.11/library/reprlib.html). asyncio uses it for a
# future's result and a callback's arguments in reprs and error messages.
# Containers show their first few items then '...', strings and long ints
# keep both ends around '...', nesting stops after maxlevel.

_builtin_repr = repr


def _shortened(s, limit, fill):
    """s with its middle replaced by fill when it is longer than limit."""
    if len(s) <= limit:
        return s
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return s[:head] + fill + s[len(s) - tail:]


def _in_order(items):
    """The items sorted when they can be compared, else as they come."""
    try:
        return sorted(items)
    except Exception:
        return list(items)


class Repr:
    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        typename = type(x).__name__
        if ' ' in typename:
            typename = '_'.join(typename.split())
        method = getattr(self, 'repr_' + typename, None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            inside = self.fillvalue
        else:
            pieces = []
            for item in x:
                if len(pieces) == maxiter:
                    pieces.append(self.fillvalue)
                    break
                pieces.append(self.repr1(item, level - 1))
            inside = ', '.join(pieces)
            if n == 1 and trail:
                right = trail + right
        return left + inside + right

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, '[', ']', self.maxlist)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_iterable(_in_order(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_iterable(_in_order(x), level, 'frozenset({', '})', self.maxfrozenset)

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = []
        for key in _in_order(x):
            if len(pieces) == self.maxdict:
                pieces.append(self.fillvalue)
                break
            pieces.append(self.repr1(key, level - 1) + ': ' + self.repr1(x[key], level - 1))
        return '{' + ', '.join(pieces) + '}'

    def repr_str(self, x, level):
        s = _builtin_repr(x[:self.maxstring])
        if len(s) > self.maxstring:
            head = max(0, (self.maxstring - 3) // 2)
            tail = max(0, self.maxstring - 3 - head)
            s = _builtin_repr(x[:head] + x[len(x) - tail:])
            s = s[:head] + self.fillvalue + s[len(s) - tail:]
        return s

    def repr_int(self, x, level):
        return _shortened(_builtin_repr(x), self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            s = _builtin_repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return _shortened(s, self.maxother, self.fillvalue)


aRepr = Repr()
repr = aRepr.repr
