"""Build settings that pyproject.toml cannot express: the compiled build.

``pip install .`` builds pure Python.  ``QUOTEX_COMPILE=1`` (see ``_build/quotex_build.py``) asks for
the compiled build: the modules of the rules engine's hot path, listed in ``COMPILED``, are compiled
with mypyc into one extension, and the ``.py`` sources ship beside it.  Where that cannot be done
(mypyc not installed, no working C compiler) the package is built as pure Python, with a warning,
rather than not at all; a module listed in ``COMPILED`` that does not exist stops the build.  An
editable install is never compiled: the compiled modules would shadow edits to the sources.  (The
engine's working records are dataclasses, not attrs classes, for this: mypyc compiles dataclasses,
and attrs classes only as slower ordinary classes.  The modules' patterns and word sets are
``Final`` for it too: compiled code then holds them in C statics instead of looking each one up in
the module's dictionary at every use.)
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

# the build backend says whether a compiled build is wanted (on the path already when pip builds;
# not for a `QUOTEX_COMPILE=1 python setup.py build_ext --inplace`)
sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
from quotex_build import compiling

#: The rules engine's modules, compiled together (calls between them then skip the interpreter):
#: module names under quotex/ (``"cluster.dask"`` for a module of a subpackage).
COMPILED = [
    "document", "segment", "marks", "cues", "lexicon", "scare", "offsets", "patterns", "phrases",
    "source_phrase", "relays", "direct", "verb_clause", "finite", "according", "indirect", "rule_merge",
    "continuations", "mentions", "people", "attribution", "pipeline",
]


#: The commands that build code; the others (metadata, the build's requirements, an editable
#: install) run before mypyc is installed, or must not compile.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install"})

#: What a C compiler that is missing or fails raises.
COMPILER_ERRORS = (CCompilerError, CompileError, ExecError, LinkError, PlatformError)


def _pure(why: str) -> list[Extension]:
    warnings.warn(f"quotex: building pure Python ({why}); the compiled build is about 1.5 times as fast",
                  stacklevel=2)
    return []


def compiled_sources() -> list[str]:
    """The files of the modules in ``COMPILED``; one that does not exist stops the build, saying which."""
    root = Path(__file__).resolve().parent
    sources = [f"quotex/{name.replace('.', '/')}.py" for name in COMPILED]
    missing = [source for source in sources if not (root / source).is_file()]
    if missing:
        raise FileNotFoundError(f"quotex: setup.py's COMPILED lists modules that do not exist: {', '.join(missing)};"
                                " correct the list")
    return sources


def ext_modules() -> list[Extension]:
    if not compiling():
        return []
    sources = compiled_sources()  # checked before anything is fetched or built
    if not BUILDING & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return _pure("mypyc is not installed")
    # only some modules are checked here, so some of pyproject.toml's mypy sections go unused
    return mypycify(["--no-warn-unused-configs", *sources], opt_level="3", group_name="quotex.native")


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or, if the C compiler fails, none of them.

    The modules are one extension and small stubs that import it: a stub without the extension
    would break the import of the package, so a failure removes whatever was already built.
    """

    def run(self) -> None:
        try:
            super().run()
        except COMPILER_ERRORS as exc:
            for built in self.get_outputs():
                Path(built).unlink(missing_ok=True)
            self.extensions.clear()  # nothing of them is left to install
            _pure(f"the C compiler failed: {exc}")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
