"""`lawgov-gen summary`: the county's table of its townships' reports, with correct totals."""
