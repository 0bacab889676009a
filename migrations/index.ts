// Every migration, in order. A unit test checks that each file in this folder is listed here.
import { Init1795623603833 } from './1795623603833-init';
export const MIGRATIONS: Function[] = [Init1795623603833];
