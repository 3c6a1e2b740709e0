#include <stdio.h>
int main(void) { puts("loopbook"); return 0; }
