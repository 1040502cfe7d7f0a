"""The cluster adapters: quotes from Dask (``quotex.cluster.dask``) and Spark (``quotex.cluster.spark``).

Each is imported on its own, as it imports its engine; ``import quotex`` imports neither. The
package is named apart from the engines, so that ``import dask`` in quotex's own tree finds Dask.
"""
