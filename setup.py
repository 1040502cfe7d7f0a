"""Build settings that pyproject.toml cannot express: the compiled build.

The modules of the rules engine's hot path are compiled with mypyc into one extension; the ``.py``
sources ship beside it.  Where that cannot be done (mypyc not installed, no working C compiler)
the package is built as pure Python, with a warning, rather than not at all; ``QUOTEX_COMPILE=0``
(see ``_build/quotex_build.py``) asks for pure Python.  An editable install is never compiled: the
compiled modules would shadow edits to the sources.  (The engine's working records are
dataclasses, not attrs classes, for this: mypyc compiles dataclasses, and attrs classes only as
slower ordinary classes.  The modules' patterns and word sets are ``Final`` for it too: compiled
code then holds them in C statics instead of looking each one up in the module's dictionary at
every use.)
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

# the build backend says whether a compiled build is wanted (on the path already when pip builds;
# not for a `python setup.py build_ext --inplace`)
sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
from quotex_build import compiling

#: The rules engine's modules, compiled together (calls between them then skip the interpreter).
COMPILED = ["document", "scare", "rules", "attribution", "phrases", "segment", "cues", "marks", "pipeline", "lexicon"]


#: The commands that build code; the others (metadata, the build's requirements, an editable
#: install) run before mypyc is installed, or must not compile.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install"})

#: What a C compiler that is missing or fails raises.
COMPILER_ERRORS = (CCompilerError, CompileError, ExecError, LinkError, PlatformError)


def _pure(why: str) -> list[Extension]:
    warnings.warn(f"quotex: building pure Python ({why}); the compiled build is about 1.5 times as fast",
                  stacklevel=2)
    return []


def ext_modules() -> list[Extension]:
    if not compiling() or not BUILDING & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return _pure("mypyc is not installed")
    # only some modules are checked here, so some of pyproject.toml's mypy sections go unused
    return mypycify(["--no-warn-unused-configs", *(f"quotex/{name}.py" for name in COMPILED)],
                    opt_level="3", group_name="quotex.native")


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
