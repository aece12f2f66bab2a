#!/usr/bin/perl
# The peer of `heapscope analyze LOG --folded` for benchmarks: a one-pass fold of a heap trace dump's
# record lines into folded stacks (outermost frame first, bytes), the way a stackcollapse-*.pl script
# does it. It knows less than HeapScope (one dump, no freed records, no dialects, no names), so it is a
# lower bound for the work, not a replacement.
use strict;
use warnings;

my %bytes;
while (my $line = <>) {
    next unless $line =~ /^\s*(\d+) bytes \(@ [^)]*\) allocated CPU \d+ ccount \S+ caller (\S*)/;
    my $size = $1;
    my @frames = grep { $_ ne '' && hex($_) != 0 } split /:/, $2;
    my $stack = @frames ? join(';', reverse @frames) : '[no caller]';
    $bytes{$stack} += $size;
}
for my $stack (sort keys %bytes) {
    print "$stack $bytes{$stack}\n" if $bytes{$stack} > 0;
}
