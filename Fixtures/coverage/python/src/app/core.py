"""Order arithmetic: partly tested on purpose."""


def total(prices, discount=0):
    amount = sum(prices)
    if discount:
        amount = amount * (100 - discount) / 100
    return round(amount, 2)


def describe(amount):
    if amount > 100:
        return "large"
    elif amount > 10:
        return "medium"
    return "small"


def parse(text):
    parts = text.split(",")
    values = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        values.append(float(part))
    return values


def export(values, path):
    with open(path, "w") as handle:
        for value in values:
            handle.write(f"{value}\n")
    return len(values)
