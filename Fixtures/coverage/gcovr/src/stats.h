int clamp(int value, int low, int high);
int sum(const int *values, int count);
int maximum(const int *values, int count);
