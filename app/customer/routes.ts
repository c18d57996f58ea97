import router from '@adonisjs/core/services/router'

router.group(() => {}).prefix('/customer')
