"""The `lkj` command line: thin dispatchers over the stages.

May import everything; nothing imports it.
"""
