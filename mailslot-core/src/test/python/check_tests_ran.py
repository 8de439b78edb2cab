"""Fails unless the named tests ran and none of them was skipped, so that a run whose interop tests
were skipped (a missing property, a missing program) cannot pass for one that tested.

    check_tests_ran.py REPORTS_DIR CHECK...

REPORTS_DIR holds JUnit XML reports: Surefire's (one file per class) or the JUnit console
launcher's (one file for the run). A CHECK is a test class's simple name, for every test of it, or
Class#method, for that method alone (a parameterized method's every invocation). Standard library
only: it runs on the Windows runner's Python and on Debian's.
"""

import pathlib
import sys
import xml.etree.ElementTree as ElementTree


def testcases(reports):
    for report in sorted(pathlib.Path(reports).glob("TEST-*.xml")):
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            simple_class = case.get("classname", "").rsplit(".", 1)[-1]
            method = case.get("name", "").split("(", 1)[0].split("[", 1)[0]
            yield simple_class, method, case.find("skipped") is not None


def main(reports, checks):
    cases = list(testcases(reports))
    failed = False
    for check in checks:
        test_class, _, method = check.partition("#")
        matching = [skipped for (simple_class, name, skipped) in cases
                    if simple_class == test_class and (not method or name == method)]
        skipped = sum(matching)
        if not matching:
            print(f"{check}: did not run (no report of it in {reports})", file=sys.stderr)
            failed = True
        elif skipped:
            print(f"{check}: {skipped} of {len(matching)} skipped", file=sys.stderr)
            failed = True
        else:
            print(f"{check}: {len(matching)} ran, none skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
