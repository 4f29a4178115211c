"""A fast SHACL Core validator for the graphs helsekg builds.

pySHACL checks the whole SHACL specification but takes about ten seconds on the corpus
graph, too slow to run on every ``kg build``. This package checks the part of SHACL Core
that ``ontology/shapes.ttl`` uses (and a little more) in plain Python over an index of the
data, in a fraction of a second, so every build is validated.

* ``shapes.load_shapes`` reads a shapes graph into ``model`` records; a shape that uses
  a feature this validator does not implement is refused with ``UnsupportedShape``
  (one line naming the shape and the feature), never silently skipped.
* ``data.DataGraph`` indexes the triples to validate (by subject and by class).
* ``components`` holds one checker per constraint component.
* ``validate.validate`` walks every shape over its targets and returns the ``Violation``s.

``tests/test_shacl_agreement.py`` checks that this validator and pySHACL report the same
(focus node, path, constraint component) on every example and on broken copies of the
corpus graph; ``kg validate --engine pyshacl`` runs pySHACL itself.
"""

from kg.shacl.model import Severity, Violation
from kg.shacl.shapes import UnsupportedShape, load_shapes
from kg.shacl.validate import validate

__all__ = ["Severity", "UnsupportedShape", "Violation", "load_shapes", "validate"]
