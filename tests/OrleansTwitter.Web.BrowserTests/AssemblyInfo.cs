// One test at a time: each drives Chromium and a web app on a 2-core machine, and tests that
// raced each other for it would time out under load instead of testing the page.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
