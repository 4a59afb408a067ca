// The benchmark cases over the six 2020 snapshot sets the fixture index serves: one per set, its largest resolvable case.
/** The largest resolvable case of each of the six 2020 snapshot sets (workers/resolve/golden/pip-agreement.json). */
export const SNAPSHOT_CASES: { id: string; prefix: string; requirements: string[] }[] = [
  { id: "chalice-with-test-tools", prefix: "chalice", requirements: ["chalice", "pytest", "tox", "pytest-xdist"] },
  { id: "dask-s3fs", prefix: "dask", requirements: ["s3fs"] },
  { id: "pandas-with-without-extras", prefix: "pandas", requirements: ["pandas", "pandas[test]"] },
  { id: "pyrax-keystoneauth1", prefix: "pyrax", requirements: ["keystoneauth1"] },
  { id: "tox-old-virtualenv", prefix: "virtualenv-six", requirements: ["tox", "virtualenv<16"] },
  { id: "big-mix", prefix: "cheroot", requirements: ["cherrypy[testing]", "jupyter", "sphinx", "tox", "black"] },
];
