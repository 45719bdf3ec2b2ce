#!/usr/bin/env python3
"""Writes the sample's documents: small, valid one-page PDFs, a purchase order and an invoice per order number.

Run it from this folder (python3 make-documents.py); the output is deterministic, so the committed files match it.
"""
import os

SUPPLIER = "Northwind Components Ltd."
ORDERS = [
    # number, items: (description, quantity, unit price), invoice differs?
    ("1001", [("Hex bolt M8 x 40", 500, 0.12), ("Washer M8", 500, 0.03)]),
    ("1002", [("Bearing 6204-2RS", 40, 3.85)]),
    ("1003", [("Hydraulic hose 1/2in, 2 m", 12, 18.50), ("Hose clamp 20-32 mm", 24, 0.95)]),
    ("1004", [("Pallet wrap 500 mm", 30, 11.20)]),
    ("1005", [("Safety gloves, size 9", 100, 2.40), ("Safety glasses", 50, 4.10)]),
    ("1006", [("Cable tie 300 mm (100)", 20, 3.60)]),
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_text(lines):
    ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    for line in lines:
        ops.append(f"({escape(line)}) '")
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def pdf(lines, title):
    content = page_text(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Title (" + escape(title).encode("ascii") + b") /Producer (make-documents.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode() + b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def lines_for(kind, number, items):
    header = "PURCHASE ORDER" if kind == "po" else "INVOICE"
    ref = f"PO-{number} REV:0" if kind == "po" else f"INV-{number}   (your order PO-{number})"
    lines = [header, "", f"Reference: {ref}", f"Supplier: {SUPPLIER}", "Buyer: Contoso Manufacturing", "", "Item                              Qty    Unit     Amount"]
    total = 0.0
    for description, quantity, price in items:
        amount = quantity * price
        total += amount
        lines.append(f"{description:<32} {quantity:>5} {price:>8.2f} {amount:>10.2f}")
    lines += ["", f"Total (EUR): {total:.2f}"]
    return lines


os.makedirs("documents", exist_ok=True)
for number, items in ORDERS:
    for kind, prefix in (("po", "PO"), ("invoice", "INV")):
        name = f"documents/{prefix}-{number}.pdf"
        with open(name, "wb") as f:
            f.write(pdf(lines_for(kind, number, items), f"{prefix}-{number}"))
print(f"wrote {len(ORDERS) * 2} documents")
