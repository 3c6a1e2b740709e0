# Groups nested more than 10 deep print "... (max_group_depth is 10)" at the eleventh level.
def nest(levels):
    if levels == 0:
        raise ValueError("at the bottom")
    try:
        nest(levels - 1)
    except Exception as e:
        raise ExceptionGroup(f"level {levels}", [e]) from None


nest(13)
