#!/usr/bin/env python3
"""Regenerate parser_cases.h from CPython 3.11 (the oracle).

Each dump case is parsed with ast.parse and written in ast_dump's S-expression
form; each error case is run as a script file so the SyntaxError attributes
are the ones CPython reports for files. Run: python3 gen_parser_cases.py > parser_cases.h
"""
import ast, os, subprocess, sys, tempfile

BINOPS = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.Div: '/', ast.FloorDiv: '//', ast.Mod: '%',
          ast.Pow: '**', ast.MatMult: '@', ast.LShift: '<<', ast.RShift: '>>', ast.BitAnd: '&',
          ast.BitOr: '|', ast.BitXor: '^'}
UNARY = {ast.USub: '-', ast.UAdd: '+', ast.Invert: '~', ast.Not: 'not'}
CMP = {ast.Lt: '<', ast.LtE: '<=', ast.Eq: '==', ast.NotEq: '!=', ast.Gt: '>', ast.GtE: '>=',
       ast.In: 'in', ast.NotIn: 'not in', ast.Is: 'is', ast.IsNot: 'is not'}
NO_POSITION = (ast.comprehension, ast.withitem, ast.arguments)


class Dumper:
    def __init__(self, source, positions):
        self.lines = source.split('\n')
        self.positions = positions

    def col(self, line, byte_offset):
        return len(self.lines[line - 1].encode()[:byte_offset].decode())

    def head(self, kind, n, *flags):
        s = '(' + kind
        if self.positions and hasattr(n, 'lineno') and not isinstance(n, NO_POSITION):
            s += '@%d:%d-%d:%d' % (n.lineno, self.col(n.lineno, n.col_offset), n.end_lineno,
                                   self.col(n.end_lineno, n.end_col_offset))
        return s + ''.join(' ' + f for f in flags if f)

    def opt(self, n):
        return self.d(n) if n is not None else '-'

    def items(self, nodes):
        return ''.join(' ' + self.opt(x) for x in nodes)

    def group(self, name, nodes, always=False):
        return ' (' + name + self.items(nodes) + ')' if nodes or always else ''

    def args(self, a):
        s = ' (ARGS' + self.group('posonly', a.posonlyargs) + self.group('args', a.args)
        s += self.group('defaults', a.defaults)
        if a.vararg:
            s += ' (vararg ' + self.d(a.vararg) + ')'
        s += self.group('kwonly', a.kwonlyargs) + self.group('kw_defaults', a.kw_defaults)
        if a.kwarg:
            s += ' (kwarg ' + self.d(a.kwarg) + ')'
        return s + ')'

    def double(self, v):
        for prec in range(1, 18):
            s = '%.*g' % (prec, v)
            if float(s) == v:
                return s
        return s

    def quote(self, v, is_bytes):
        out = '"'
        for ch in ([chr(b) for b in v] if is_bytes else v):
            c = ord(ch)
            if ch in '"\\':
                out += '\\' + ch
            elif ch == '\n':
                out += '\\n'
            elif ch == '\t':
                out += '\\t'
            elif c < 0x20 or c == 0x7f or (is_bytes and c > 0x7f):
                out += '\\x%02x' % c
            else:
                out += ch
        return out + '"'

    def const(self, n):
        v = n.value
        for value, kind in ((None, 'CONST_NONE'), (True, 'CONST_TRUE'), (False, 'CONST_FALSE'),
                            (Ellipsis, 'CONST_ELLIPSIS')):
            if v is value:
                return self.head(kind, n) + ')'
        if type(v) is int:
            return self.head('CONST_INT', n) + ' %d)' % v
        if type(v) is float:
            return self.head('CONST_FLOAT', n) + ' ' + self.double(v) + ')'
        if type(v) is complex:
            return self.head('CONST_IMAG', n) + ' ' + self.double(v.imag) + ')'
        if type(v) is str:
            return self.head('CONST_STR', n) + ' ' + self.quote(v, False) + ')'
        return self.head('CONST_BYTES', n) + ' ' + self.quote(v, True) + ')'

    def d(self, n):
        t, h, o = type(n), self.head, self.opt
        if t is ast.Expr: return h('EXPR_STMT', n) + ' ' + self.d(n.value) + ')'
        if t is ast.Assign: return h('ASSIGN', n) + self.items(n.targets) + ' ' + self.d(n.value) + ')'
        if t is ast.AugAssign:
            return h('AUG_ASSIGN', n) + ' %s= %s %s)' % (BINOPS[type(n.op)], self.d(n.target), self.d(n.value))
        if t is ast.AnnAssign:
            return h('ANN_ASSIGN', n, 'simple' if n.simple else '') + ' %s %s %s)' % (
                self.d(n.target), self.d(n.annotation), o(n.value))
        if t in (ast.For, ast.AsyncFor):
            return (h('FOR', n, 'async' if t is ast.AsyncFor else '') + ' ' + self.d(n.target) + ' ' +
                    self.d(n.iter) + self.group('body', n.body, True) + self.group('orelse', n.orelse) + ')')
        if t in (ast.While, ast.If):
            return (h('WHILE' if t is ast.While else 'IF', n) + ' ' + self.d(n.test) +
                    self.group('body', n.body, True) + self.group('orelse', n.orelse) + ')')
        if t in (ast.With, ast.AsyncWith):
            return (h('WITH', n, 'async' if t is ast.AsyncWith else '') + self.items(n.items) +
                    self.group('body', n.body, True) + ')')
        if t is ast.withitem: return h('WITH_ITEM', n) + ' %s %s)' % (self.d(n.context_expr), o(n.optional_vars))
        if t in (ast.FunctionDef, ast.AsyncFunctionDef):
            return (h('FUNCTION_DEF', n, 'async' if t is ast.AsyncFunctionDef else '') + ' ' + n.name +
                    self.args(n.args) + ' ' + o(n.returns) + self.group('body', n.body, True) +
                    self.group('decorators', n.decorator_list) + ')')
        if t is ast.ClassDef:
            return (h('CLASS_DEF', n) + ' ' + n.name + self.group('bases', n.bases) +
                    self.group('keywords', n.keywords) + self.group('body', n.body, True) +
                    self.group('decorators', n.decorator_list) + ')')
        if t is ast.Return: return h('RETURN', n) + ' ' + o(n.value) + ')'
        if t is ast.Delete: return h('DELETE', n) + self.items(n.targets) + ')'
        if t is ast.Raise: return h('RAISE', n) + ' %s %s)' % (o(n.exc), o(n.cause))
        if t in (ast.Try, ast.TryStar):
            return (h('TRY', n, 'star' if t is ast.TryStar else '') + self.group('body', n.body, True) +
                    self.group('handlers', n.handlers) + self.group('orelse', n.orelse) +
                    self.group('finalbody', n.finalbody) + ')')
        if t is ast.ExceptHandler:
            return h('EXCEPT_HANDLER', n) + ' %s %s' % (o(n.type), n.name or '-') + self.group('body', n.body, True) + ')'
        if t is ast.Assert: return h('ASSERT', n) + ' %s %s)' % (self.d(n.test), o(n.msg))
        if t is ast.Import: return h('IMPORT', n) + self.items(n.names) + ')'
        if t is ast.ImportFrom: return h('IMPORT_FROM', n) + ' ' + '.' * n.level + (n.module or '') + self.items(n.names) + ')'
        if t is ast.alias: return h('ALIAS', n) + ' ' + n.name + (' as ' + n.asname if n.asname else '') + ')'
        if t in (ast.Global, ast.Nonlocal):
            return h('GLOBAL' if t is ast.Global else 'NONLOCAL', n) + ''.join(' ' + x for x in n.names) + ')'
        for cls, kind in ((ast.Pass, 'PASS'), (ast.Break, 'BREAK'), (ast.Continue, 'CONTINUE')):
            if t is cls:
                return h(kind, n) + ')'
        if t is ast.Match: return h('MATCH', n) + ' ' + self.d(n.subject) + ')'
        if t is ast.BoolOp: return h('BOOLOP', n) + ' ' + ('and' if type(n.op) is ast.And else 'or') + self.items(n.values) + ')'
        if t is ast.NamedExpr: return h('NAMED_EXPR', n) + ' %s %s)' % (self.d(n.target), self.d(n.value))
        if t is ast.BinOp: return h('BINOP', n) + ' %s %s %s)' % (BINOPS[type(n.op)], self.d(n.left), self.d(n.right))
        if t is ast.UnaryOp: return h('UNARYOP', n) + ' %s %s)' % (UNARY[type(n.op)], self.d(n.operand))
        if t is ast.Lambda: return h('LAMBDA', n) + self.args(n.args) + ' ' + self.d(n.body) + ')'
        if t is ast.IfExp: return h('IF_EXP', n) + ' %s %s %s)' % (self.d(n.test), self.d(n.body), self.d(n.orelse))
        if t is ast.Dict: return h('DICT', n) + ''.join(' %s %s' % (o(k), self.d(v)) for k, v in zip(n.keys, n.values)) + ')'
        if t is ast.Set: return h('SET', n) + self.items(n.elts) + ')'
        comps = {ast.ListComp: 'LIST_COMP', ast.SetComp: 'SET_COMP', ast.GeneratorExp: 'GENERATOR_EXP'}
        if t in comps: return h(comps[t], n) + ' ' + self.d(n.elt) + self.items(n.generators) + ')'
        if t is ast.DictComp: return h('DICT_COMP', n) + ' %s %s' % (self.d(n.key), self.d(n.value)) + self.items(n.generators) + ')'
        if t is ast.comprehension:
            return h('COMPREHENSION', n, 'async' if n.is_async else '') + ' %s %s' % (self.d(n.target), self.d(n.iter)) + self.items(n.ifs) + ')'
        if t is ast.Await: return h('AWAIT', n) + ' ' + self.d(n.value) + ')'
        if t is ast.Yield: return h('YIELD', n) + ' ' + o(n.value) + ')'
        if t is ast.YieldFrom: return h('YIELD_FROM', n) + ' ' + self.d(n.value) + ')'
        if t is ast.Compare:
            return h('COMPARE', n) + ' ' + self.d(n.left) + ''.join(
                ' %s %s' % (CMP[type(op)], self.d(c)) for op, c in zip(n.ops, n.comparators)) + ')'
        if t is ast.Call: return h('CALL', n) + ' ' + self.d(n.func) + self.items(n.args) + self.items(n.keywords) + ')'
        if t is ast.keyword: return h('KEYWORD', n) + ' %s %s)' % (n.arg or '**', self.d(n.value))
        if t is ast.FormattedValue:
            conv = chr(n.conversion) if n.conversion > 0 else '-'
            return h('FORMATTED_VALUE', n) + ' %s %s %s)' % (self.d(n.value), conv, o(n.format_spec))
        if t is ast.JoinedStr: return h('JOINED_STR', n) + self.items(n.values) + ')'
        if t is ast.Constant: return self.const(n)
        if t is ast.Attribute: return h('ATTRIBUTE', n) + ' %s %s)' % (self.d(n.value), n.attr)
        if t is ast.Subscript: return h('SUBSCRIPT', n) + ' %s %s)' % (self.d(n.value), self.d(n.slice))
        if t is ast.Starred: return h('STARRED', n) + ' ' + self.d(n.value) + ')'
        if t is ast.Name: return h('NAME', n) + ' ' + n.id + ')'
        if t in (ast.List, ast.Tuple): return h('LIST' if t is ast.List else 'TUPLE', n) + self.items(n.elts) + ')'
        if t is ast.Slice: return h('SLICE', n) + ' %s %s %s)' % (o(n.lower), o(n.upper), o(n.step))
        if t is ast.arg: return h('NAME', n) + ' ' + n.arg + (' ' + self.d(n.annotation) if n.annotation else '') + ')'
        raise ValueError('no dump for ' + t.__name__)


def dump(source, positions=False):
    d = Dumper(source, positions)
    return '\n'.join(d.d(s) for s in ast.parse(source).body)


HOOK = '''import sys
def hook(t, e, tb):
    print(repr((type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)))
sys.excepthook = hook
'''


def file_error(source):
    """The SyntaxError CPython reports when it runs source as a script."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'sitecustomize.py'), 'w') as f:
            f.write(HOOK)
        path = os.path.join(tmp, 'case.py')
        with open(path, 'wb') as f:
            f.write(source.encode('utf-8', 'surrogateescape'))
        env = dict(os.environ, PYTHONPATH=tmp)
        out = subprocess.run([sys.executable, path], capture_output=True, text=True, env=env).stdout
    if not out.strip():
        raise ValueError('CPython accepts this error case: %r' % source)
    kind, msg, line, col, end_line, end_col = eval(out.strip().splitlines()[-1])
    if end_line is not None and line is not None and end_line > line:
        # a range that ends further down is shown up to the end of its first line
        end_col = len(source.split('\n')[line - 1]) + 1
    if end_col is None or end_col < 0 or end_col <= (col or 0):
        end_col = 0
    return kind, msg, line or 0, col or 0, end_col


def c_string(s):
    if len(s.encode()) > 4000:
        raise ValueError('C99 caps string literals at 4095 bytes: build this case in C')
    out = '"'
    for b in s.encode('utf-8', 'surrogateescape'):
        c = chr(b)
        if c in '"\\':
            out += '\\' + c
        elif c == '\n':
            out += '\\n'
        elif c == '\t':
            out += '\\t'
        elif b < 0x20 or b >= 0x7f:
            out += '\\%03o' % b
        else:
            out += c
    return out + '"'


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import parser_case_sources as cases
    print('/* parser_cases.h: generated by gen_parser_cases.py from CPython %s; do not edit. */'
          % sys.version.split()[0])
    print('typedef struct { const char *source, *dump; } DumpCase;')
    print('typedef struct { const char *source, *kind, *message; unsigned line, col, end_col; } ErrorCase;')
    for name, positions, sources in (('dump_cases', False, cases.DUMP), ('position_cases', True, cases.POSITIONS)):
        print('static const DumpCase %s[] = {' % name)
        for src in sources:
            print('    {%s,\n     %s},' % (c_string(src), c_string(dump(src, positions))))
        print('};')
    print('static const ErrorCase error_cases[] = {')
    for src in cases.ERRORS:
        kind, msg, line, col, end_col = file_error(src)
        print('    {%s, "%s", %s, %d, %d, %d},' % (c_string(src), kind, c_string(msg), line, col, end_col))
    print('};')


if __name__ == '__main__':
    main()
