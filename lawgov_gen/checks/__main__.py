"""Print the README rule table: python -m lawgov_gen.checks."""

from lawgov_gen.checks import rule_reference

print(rule_reference())
