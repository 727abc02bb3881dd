# The archive on object storage: src/archive/remote.rs, mirror.rs and
# `--archive s3://…` in src/cmd/archive.rs and src/cmd/regenerate.rs.

store-bad-url = { $url } is not an archive address: write s3://bucket/prefix (a bucket name of 3 to 63 lower-case letters, digits, dots and hyphens; no empty, `.` or `..` parts in the prefix)
store-cannot-connect = cannot use the archive { $url }: { $error }
store-request-failed = { $address }: the object store refused or did not answer: { $error }
store-object-missing = { $address }: the archive's manifest lists this object but the store does not have it (run `banmian archive verify`)
store-object-altered = { $address }: the object in the store differs from what the manifest records (run `banmian archive verify`)
store-revision-taken = { $address }: another archiver published a manifest under this revision number, which was claimed for this one: nothing was overwritten, but this revision was not published
store-unfinished = { $address } has files but no manifest: an upload that did not finish (or is finishing now); it is not a revision and its number is not given again
store-synced = read { $fetched } new revision(s) of { $revisions } from { $url }
store-object-name = { $address }: an object whose name cannot be a file of the archive (an empty, `.` or `..` part): the store was written by something other than banmian
