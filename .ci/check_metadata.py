"""What a package index shows of the wheel: its licence, classifiers and project URLs."""

from __future__ import annotations

import sys
import zipfile
from email.parser import Parser

(wheel,) = sys.argv[1:]
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = Parser().parsestr(archive.read(name).decode())
missing = [
    field
    for field in ("License-Expression", "Classifier", "Project-URL", "Requires-Python")
    if not metadata.get_all(field)
]
if metadata.get("Description-Content-Type") != "text/markdown":
    missing.append("Description-Content-Type: text/markdown")
if "workshop run customer-working-agreement" not in (metadata.get_payload() or ""):
    missing.append("the README as the long description")
if missing:
    sys.exit(f"{wheel}: the metadata lacks {', '.join(missing)}")
classifiers, urls = metadata.get_all("Classifier"), metadata.get_all("Project-URL")
print(
    f"metadata: {metadata['Name']} {metadata['Version']}, {metadata['License-Expression']}, "
    f"{len(classifiers)} classifiers, {len(urls)} URLs"
)
