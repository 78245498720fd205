"""A plain test runner, so the fixture needs nothing but coverage.py."""
from app import core
from app.critical import payments

assert core.total([10, 20]) == 30
assert core.total([10, 20], discount=10) == 27
assert core.describe(500) == "large"
assert core.describe(50) == "medium"
assert core.parse("1, 2,,3") == [1.0, 2.0, 3.0]

assert payments.authorise(5, 10) is True
assert payments.authorise(50, 10) is False
try:
    payments.authorise(0, 10)
except ValueError:
    pass
assert payments.fee(100) == 1.0
assert payments.fee(100, express=True) == 2.5
assert payments.fee(5000) == 20
assert payments.refund(5, "damaged") == -5
print("tests passed")
