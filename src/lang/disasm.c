/* disasm.c: the opcode tables and a dis-like listing. */
#include "disasm.h"

#include "opcodes.h"
#include "ops.h"

const uint8_t opcode_formats[OP_COUNT] = {
#define X(name, fmt) OPFMT_##fmt,
    OPCODE_LIST(X)
#undef X
};

const char *const opcode_names[OP_COUNT] = {
#define X(name, fmt) #name,
    OPCODE_LIST(X)
#undef X
};

static uint32_t line_at(const ObjCode *code, uint32_t offset)
{
    uint32_t line = code->first_line;
    for (uint32_t i = 0; i < code->n_lines && code->lines[i].offset <= offset; i++) line = code->lines[i].line;
    return line;
}

static void print_value(VM *vm, Value v, FILE *out)
{
    ObjStr *s;
    if (IS_CODE(v)) {
        fprintf(out, "<code object %s>", AS_CODE(v)->name->data);
    } else if (op_repr(vm, v, &s)) {
        fputs(s->data, out);
    } else {
        vm_take_exception(vm);
        fputs("<?>", out);
    }
}

static void print_operand(VM *vm, ObjCode *code, int op, uint32_t arg, FILE *out)
{
    switch (op) {
    case OP_LOAD_CONST:
        if (arg < code->n_constants) print_value(vm, code->constants[arg], out);
        break;
    case OP_LOAD_SMALL_INT: fprintf(out, "%d", (int)arg - 32768); break;
    case OP_LOAD_FAST:
    case OP_INPLACE_ADD_FAST:
    case OP_STORE_FAST:
    case OP_DELETE_FAST:
        if (arg < code->n_locals) fputs(code->varnames[arg]->data, out);
        break;
    case OP_LOAD_DEREF:
    case OP_STORE_DEREF:
    case OP_DELETE_DEREF:
    case OP_LOAD_CLOSURE:
        if (arg < code->n_cells) fputs(code->cellnames[arg]->data, out);
        else if (arg - code->n_cells < code->n_free) fputs(code->freenames[arg - code->n_cells]->data, out);
        break;
    case OP_LOAD_GLOBAL:
    case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL:
    case OP_LOAD_NAME:
    case OP_STORE_NAME:
    case OP_DELETE_NAME:
    case OP_LOAD_ATTR:
    case OP_STORE_ATTR:
    case OP_DELETE_ATTR:
    case OP_LOAD_METHOD:
    case OP_IMPORT_NAME:
    case OP_IMPORT_FROM:
        if (arg < code->n_names) fputs(code->names[arg]->data, out);
        break;
    case OP_BINARY_OP:
        fprintf(out, "%s%s", binop_symbol((BinaryOp)(arg & 0x7f)), (arg & 0x80) ? "=" : "");
        break;
    case OP_JUMP:
    case OP_LOOP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_JUMP_IF_NOT_LT:
    case OP_JUMP_IF_NOT_LE:
    case OP_JUMP_IF_NOT_EQ:
    case OP_JUMP_IF_NOT_NE:
    case OP_JUMP_IF_NOT_GT:
    case OP_JUMP_IF_NOT_GE:
    case OP_SEND: fprintf(out, "to %u", arg); break;
    case OP_YIELD_VALUE:
        if (arg == YIELD_DELEGATED) fputs("delegated", out);
        break;
    case OP_GET_AWAITABLE:
        if (arg == AWAIT_AENTER) fputs("__aenter__", out);
        else if (arg == AWAIT_AEXIT) fputs("__aexit__", out);
        break;
    default: return;
    }
}

static void disasm_one(VM *vm, ObjCode *code, FILE *out)
{
    fprintf(out, "Disassembly of <code object %s, file \"%s\", line %u>:\n", code->qualname->data,
            code->filename->data, code->first_line);
    uint32_t last_line = 0;
    for (uint32_t pc = 0; pc < code->bytecode_len;) {
        uint8_t op = code->bytecode[pc];
        if (op >= OP_COUNT) {
            fprintf(out, "  %6u  <bad opcode %u>\n", pc, op);
            return;
        }
        const uint8_t *p = code->bytecode + pc + 1;
        uint32_t arg = 0;
        switch (opcode_formats[op]) {
        case OPFMT_B: arg = *p; break;
        case OPFMT_H: arg = read_u16(p); break;
        case OPFMT_W: arg = read_u32(p); break;
        case OPFMT_HH: arg = read_u16(p) | ((uint32_t)read_u16(p + 2) << 16); break;
        default: break;
        }
        uint32_t line = line_at(code, pc);
        if (line != last_line) fprintf(out, "%s%4u", pc ? "\n" : "", line);
        else fputs("    ", out);
        last_line = line;
        fprintf(out, " %6u %-22s", pc, opcode_names[op]);
        if (opcode_formats[op] != OPFMT_N) {
            if (opcode_formats[op] == OPFMT_HH) fprintf(out, " %u, %u", arg & 0xffff, arg >> 16);
            else fprintf(out, " %u", arg);
            fputs(" (", out);
            print_operand(vm, code, op, arg, out);
            fputs(")", out);
        }
        fputc('\n', out);
        pc += 1 + (uint32_t)opcode_operand_size(opcode_formats[op]);
    }
    for (uint32_t i = 0; i < code->n_excepts; i++) {
        const ExceptEntry *e = &code->excepts[i];
        if (i == 0) fputs("ExceptionTable:\n", out);
        fprintf(out, "  %u to %u -> %u [%u]\n", e->start, e->end, e->target, e->depth);
    }
}

void disasm_code(VM *vm, ObjCode *code, FILE *out)
{
    disasm_one(vm, code, out);
    for (uint32_t i = 0; i < code->n_constants; i++) {
        if (!IS_CODE(code->constants[i])) continue;
        fputc('\n', out);
        disasm_code(vm, AS_CODE(code->constants[i]), out);
    }
}
