# 对象存储上的归档：src/archive/remote.rs、mirror.rs，以及
# src/cmd/archive.rs、src/cmd/regenerate.rs 里的 `--archive s3://…`。

store-bad-url = { $url } 不是归档地址：应写成 s3://存储桶/前缀（存储桶名 3 到 63 个字符，只用小写字母、数字、点和连字符；前缀里不能有空的、`.` 或 `..` 的段）
store-cannot-connect = 无法使用归档 { $url }：{ $error }
store-request-failed = { $address }：对象存储拒绝了请求或没有应答：{ $error }
store-object-missing = { $address }：归档清单列有这个对象，存储里却没有（请运行 `banmian archive verify`）
store-object-altered = { $address }：存储里的对象与清单记录的不一致（请运行 `banmian archive verify`）
store-revision-taken = { $address }：这个修订号已为本次归档占用，却有另一个归档进程在此号下发布了清单：没有覆盖任何内容，但本次修订没有发布
store-unfinished = { $address } 有文件但没有清单：这是一次没有传完（或正在上传）的归档；它不算修订，它的修订号也不会再分配
store-synced = 从 { $url } 读入 { $fetched } 次新修订（共 { $revisions } 次）
store-object-name = { $address }：这个对象的名字不可能是归档里的文件（有空的、`.` 或 `..` 的段）：存储被 banmian 以外的程序写过
