export * from './errors/domain-error';
export * from './participation/participation-status';
export * from './participation/participation-state-machine';
export * from './privacy/community-access';
export * from './meetings/recurrence';
export * from './meetings/conflicts';
export * from './meetings/interfaith';
export * from './meetings/attendance';
