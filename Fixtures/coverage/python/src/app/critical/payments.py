"""Payment checks: the critical path, well tested."""


def authorise(amount, balance):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount > balance:
        return False
    return True


def fee(amount, express=False):
    base = amount * 0.01
    if express:
        base += 1.5
    if base > 20:
        base = 20
    return round(base, 2)


def refund(amount, reason):
    if not reason:
        raise ValueError("a refund needs a reason")
    return -amount
