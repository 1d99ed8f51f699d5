import Load

/// What the last build left that this one may keep: a group of outputs is kept when
/// every input it used last time has the same fingerprint and its files are still there.
package final class Reuse {
    package let manifest: BuildManifest
    package let fingerprints: Fingerprints
    /// Groups with an output file missing on disk.
    package let incomplete: Set<String>
    /// The dependency keys whose fingerprint changed since the last build: worked out
    /// once, not once per group that uses them.
    package let changed: Set<String>

    /// `changedFiles`: the only paths whose hash may differ from the manifest's
    /// (`InputFiles.changed`); nil compares every file.
    package init(manifest: BuildManifest, fingerprints: Fingerprints, fileHashes: [String: String], incomplete: Set<String>,
                 changedFiles: [String]? = nil) {
        self.manifest = manifest
        self.fingerprints = fingerprints
        self.incomplete = incomplete
        // Files by their hash (`file:` keys are not in `inputs`), the rest by fingerprint;
        // figures and data only when the data files changed (thousands of figures, each
        // fingerprinted from its derivation).
        if fingerprints.of("model") == manifest.inputs["model"] {
            fingerprints.unchangedData = manifest.inputs.filter { key, _ in
                key.hasPrefix("figure:") || key.hasPrefix("data:") || key == "figures"
            }
        }
        var changed = Set(manifest.inputs.compactMap { key, value in fingerprints.of(key) == value ? nil : key })
        if let changedFiles {
            for path in changedFiles where fileHashes[path] != manifest.files[path] && manifest.files[path] != nil {
                changed.insert("file:" + path)
            }
        } else {
            for (path, hash) in manifest.files where fileHashes[path] != hash { changed.insert("file:" + path) }
        }
        self.changed = changed
        changedList = Array(changed)
    }

    /// `changed` as a list, for `isClean`'s look through a group's few dependencies when
    /// only a few keys changed (a one-page edit: one), without hashing each dependency.
    private let changedList: [String]

    /// The group is kept if it exists, recorded at least the `required` keys (and the
    /// `also` ones), none of its keys changed, and its files are all on disk.
    package func isClean(_ key: String, requiring required: Set<String>, also: [String] = []) -> Bool {
        guard let group = manifest.groups[key], incomplete.isEmpty || !incomplete.contains(key) else { return false }
        for dep in required where !group.deps.contains(dep) { return false }
        for dep in also where !group.deps.contains(dep) { return false }
        if changedList.count <= 4 { return !changedList.contains(where: group.deps.contains) }
        return !group.deps.contains(where: changed.contains)
    }
}
