#!/usr/bin/perl
# An independent OAI-PMH client (Perl's HTTP::OAI) harvesting a running repository: Identify, the formats,
# the sets, then for oai_dc and edm a full ListRecords harvest across resumption tokens followed by an
# incremental one (from = the newest datestamp of the full harvest), and a GetRecord.
# Usage: perl harvest.pl BASE_URL   (e.g. http://127.0.0.1:5080/oai)
# Exits 0 when every response was well-formed and free of protocol errors, 1 otherwise, 2 on bad usage.
use strict;
use warnings;
use HTTP::OAI;

my $base = shift @ARGV or do { print STDERR "usage: perl harvest.pl BASE_URL\n"; exit 2 };
my $harvester = HTTP::OAI::Harvester->new(baseURL => $base, resume => 1);
my $problems = 0;

sub problem { print STDERR "PROBLEM: @_\n"; $problems++; }

# True when the response is an error other than the ones listed as acceptable.
sub failed {
    my ($what, $response, %acceptable) = @_;
    return 0 unless $response->is_error;
    my @codes = map { $_->code } $response->errors;
    return 0 if @codes && !grep { !$acceptable{$_} } @codes;
    problem("$what: " . ($response->code // '') . ' ' . ($response->message // '') . (@codes ? " [@codes]" : ''));
    return 1;
}

my $identify = $harvester->Identify;
if (!failed('Identify', $identify)) {
    problem('Identify: protocol version is ' . ($identify->protocolVersion // 'missing')) unless ($identify->protocolVersion // '') eq '2.0';
    problem('Identify: deletedRecord is not persistent') unless ($identify->deletedRecord // '') eq 'persistent';
    problem('Identify: granularity is not seconds') unless ($identify->granularity // '') eq 'YYYY-MM-DDThh:mm:ssZ';
}

my $formats = $harvester->ListMetadataFormats;
if (!failed('ListMetadataFormats', $formats)) {
    my %prefixes;
    while (my $format = $formats->next) { $prefixes{$format->metadataPrefix} = 1 }
    for my $prefix (qw(oai_dc edm)) { problem("ListMetadataFormats: no $prefix") unless $prefixes{$prefix} }
}

my $sets = $harvester->ListSets;
if (!failed('ListSets', $sets)) {
    my $count = 0;
    $count++ while $sets->next;
    problem('ListSets: no sets') unless $count;
}

for my $prefix (qw(oai_dc edm)) {
    my ($count, $deleted, $newest, $first) = (0, 0, '', undef);
    my %seen;
    my $full = $harvester->ListRecords(metadataPrefix => $prefix);
    while (my $record = $full->next) {
        my $header = $record->header;
        my ($id, $stamp) = ($header->identifier, $header->datestamp);
        problem("$prefix: a record without identifier or datestamp") unless $id && $stamp;
        problem("$prefix: datestamp '$stamp' of $id is not in seconds granularity") unless $stamp =~ /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
        problem("$prefix: $id delivered twice in one harvest") if $seen{$id}++;
        if ($header->is_deleted) { $deleted++ }
        else {
            problem("$prefix: $id has no metadata") unless $record->metadata;
            $first //= $id;
        }
        $newest = $stamp if $stamp gt $newest;
        $count++;
    }
    next if failed("ListRecords $prefix (full)", $full);
    problem("$prefix: the full harvest was empty") unless $count;

    my $incremental = $harvester->ListRecords(metadataPrefix => $prefix, from => $newest);
    my $changed = 0;
    while (my $record = $incremental->next) {
        my $stamp = $record->header->datestamp;
        problem("$prefix: incremental harvest from $newest returned a record of $stamp") if $stamp lt $newest;
        $changed++;
    }
    next if failed("ListRecords $prefix from=$newest", $incremental);
    problem("$prefix: the incremental harvest from $newest missed the newest records") unless $changed;

    if (defined $first) {
        my $get = $harvester->GetRecord(identifier => $first, metadataPrefix => $prefix);
        if (!failed("GetRecord $first $prefix", $get)) {
            my $record = $get->next;
            problem("GetRecord $first $prefix: no record") unless $record && $record->identifier eq $first;
        }
    }
    print "$prefix: $count records ($deleted deleted) in the full harvest, $changed from $newest\n";
}

my $bad = $harvester->GetRecord(identifier => 'oai:nowhere:nothing', metadataPrefix => 'oai_dc');
problem('GetRecord of an unknown identifier did not answer idDoesNotExist')
    unless $bad->is_error && grep { $_->code eq 'idDoesNotExist' } $bad->errors;

print $problems ? "$problems problems\n" : "no protocol errors\n";
exit($problems ? 1 : 0);
