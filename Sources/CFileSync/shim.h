#ifndef CFILESYNC_SHIM_H
#define CFILESYNC_SHIM_H

/// syncfs(2): commits every file of the filesystem holding `fd` to disk in one call. glibc declares
/// it only under _GNU_SOURCE, which Swift's Glibc module is not built with; the declaration is the
/// one of <unistd.h>.
int syncfs(int fd);

#endif
